// How a listing command shows what it found: with --json, one array of objects; otherwise a table
// under column heads in the user's language, or one line saying nothing was found — on stderr,
// so that a listing piped into another program is empty rather than a sentence.
import { print, printJson, warn, type Context } from '../context.js';

export interface RowsView<R> {
  json(r: R): unknown;
  /** What is said when nothing was found (a listing that always has rows shows its empty table). */
  none?: string;
  head: string[];
  cells(r: R): string[];
}

export async function showRows<R>(ctx: Context, json: boolean | undefined, rows: readonly R[], view: RowsView<R>): Promise<void> {
  if (json) return printJson(ctx, rows.map((r) => view.json(r)));
  if (rows.length === 0 && view.none !== undefined) return warn(ctx, view.none);
  // Loaded here: commands that print JSON or nothing need not load the table library.
  const { renderTable } = await import('../io/table.js');
  print(ctx, renderTable(ctx, view.head, rows.map((r) => view.cells(r))));
}
