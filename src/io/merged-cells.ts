// Merged cells (合并单元格) of a workbook's sheet. Chinese sheets merge a company's cell over the
// rows of its people, and a date or a region over a block of rows; Excel keeps the value in the
// range's top-left cell only, and the workbook reader gives the other cells as empty. Reading the
// sheet's <mergeCell ref="B3:B4"/> list lets every cell of a range read the value, as the sheet
// shows it — a second person under a merged company is filed with that company, not as a company
// of their own.
import { strFromU8, unzipSync } from 'fflate';

/** A range's cells as 0-based row and column indexes. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]!);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** "AB12" → row 11, column 27 (0-based). */
function cellIndex(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

export function parseRange(ref: string): CellRange | null {
  const [from, to = from] = ref.split(':');
  const a = cellIndex(from ?? '');
  const b = cellIndex(to ?? '');
  return a && b ? { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) } : null;
}

/** The merged ranges of the sheet named, from the workbook's bytes (none when it has none). */
export function mergedRanges(workbook: Uint8Array, sheet: string): CellRange[] {
  const files = unzipSync(workbook, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(f.name) });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const sheetTag = text('xl/workbook.xml')
    .match(/<sheet\s[^>]*>/g)
    ?.find((tag) => unescapeXml(attribute(tag, 'name') ?? '') === sheet);
  const id = sheetTag && attribute(sheetTag, 'r:id');
  const relation = id && text('xl/_rels/workbook.xml.rels').match(/<Relationship\s[^>]*>/g)?.find((tag) => attribute(tag, 'Id') === id);
  const target = relation && attribute(relation, 'Target');
  if (!target) return [];
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return (text(path).match(/<mergeCell\s[^>]*>/g) ?? []).flatMap((tag) => {
    const range = parseRange(attribute(tag, 'ref') ?? '');
    return range ? [range] : [];
  });
}

/** Every cell of each range takes the value of its top-left cell. */
export function fillMerged<T>(rows: (T | null)[][], ranges: readonly CellRange[]): void {
  for (const r of ranges) {
    const value = rows[r.top]?.[r.left] ?? null;
    if (value === null) continue;
    for (let row = r.top; row <= r.bottom && row < rows.length; row++) {
      for (let col = r.left; col <= r.right; col++) rows[row]![col] = value;
    }
  }
}
