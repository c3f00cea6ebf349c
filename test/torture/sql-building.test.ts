// No SQL is built from user input: values reach SQLite only as bound parameters. This reads every
// source file and looks at each piece of SQL that is assembled (a template with ${…}, or + on a
// string): every interpolated part must be a fixed fragment — a literal, a CONSTANT, a choice
// between literals, a number, or a value named as an SQL fragment (`s.where`, `w.sql`,
// `columns`…) by the code that builds those from constants. A variable holding user input
// (`${name}`, `'…' + search`) fails the test, as the cases at the end show.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
/** Uppercase SQL words, as this code base writes SQL; messages and prose do not use them. */
const SQL_TEXT = /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|FROM|VALUES|PRAGMA|ORDER BY|GROUP BY|JOIN|SET)\b|^\s*(AND|OR)\b|\b(busy_timeout|user_version|application_id|threads)\s*=/;
/**
 * Names under which this code base passes SQL fragments it built from constants (reviewed: each
 * is assembled from literals, constant tables, or @parameter names), and loop indices that number
 * @parameters (`@dueTo${i}`). A new name here needs the same review; user input never gets one.
 */
const FRAGMENT_NAMES = new Set([
  'where', 'sql', 'basis', 'columns', 'column', 'cols', 'limit', 'version', 'threads', // scope-sql.ts, list filters, staff columns, pragmas
  'deals', 'customers', 'settled', 'sums', 'perDeal', 'withMinimums', 'join', 'values', // credit and report queries
  'i', 'b', 'p', // indices and prefixes of @parameter names
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The last name of an expression: `s.where` → where, `cols.map(…).join(', ')` → cols. */
function rootName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isParenthesizedExpression(e)) return rootName(e.expression);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    // A method on a list of fragments (cols.map(…).join(…)): judged by the list's name.
    let inner: ts.Expression = e.expression.expression;
    while (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression)) inner = inner.expression.expression;
    return rootName(inner);
  }
  return undefined;
}

function isFixedFragment(e: ts.Expression): boolean {
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return true;
  if (ts.isParenthesizedExpression(e)) return isFixedFragment(e.expression);
  if (ts.isConditionalExpression(e)) return isFixedFragment(e.whenTrue) && isFixedFragment(e.whenFalse);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isFixedFragment(s.expression));
  // An entry of a constant table: SORT_KEYS[order.by].
  if (ts.isElementAccessExpression(e)) return isFixedFragment(e.expression);
  // A helper given only fixed fragments (its own template is checked where it is written).
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length > 0) return e.arguments.every(isFixedFragment);
  const name = rootName(e);
  if (name === undefined) return false;
  return /^[A-Z][A-Z0-9_]*$/.test(name) || FRAGMENT_NAMES.has(name);
}

/** Every place a piece of SQL is assembled from a part that is not a fixed fragment. */
export function sqlBuiltFromInput(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (n: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isTemplateExpression(n)) {
      const literal = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ');
      if (SQL_TEXT.test(literal)) for (const s of n.templateSpans) if (!isFixedFragment(s.expression)) found.push(`${where(s.expression)} \${${s.expression.getText()}}`);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const parts: ts.Expression[] = [];
      const flatten = (e: ts.Expression): void => {
        if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
          flatten(e.left);
          flatten(e.right);
        } else parts.push(e);
      };
      flatten(n);
      const literal = parts.filter(ts.isStringLiteralLike).map((p) => p.text).join(' ');
      if (SQL_TEXT.test(literal)) for (const p of parts) if (!isFixedFragment(p)) found.push(`${where(p)} + ${p.getText()}`);
      return; // the parts were judged together
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('SQL is never built from user input', () => {
  test('every assembled piece of SQL in src/ interpolates fixed fragments only', () => {
    const all = files(SRC);
    expect(all.length).toBeGreaterThan(50);
    const found = all.flatMap((f) => sqlBuiltFromInput(relative(SRC, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  test('the check finds a real concatenation of user input (and passes fixed fragments)', () => {
    const bad = `
      export function find(db: Db, name: string, search: string) {
        stmt(db, \`SELECT * FROM customers WHERE name = '\${name}'\`).all();
        db.prepare("SELECT id FROM contacts WHERE email = '" + search + "'").get();
        db.exec(\`UPDATE customers
                  SET notes = '\${o.notes}' WHERE id = 1\`);
      }`;
    expect(sqlBuiltFromInput('bad.ts', bad)).toEqual(["bad.ts:3 ${name}", 'bad.ts:4 + search', 'bad.ts:6 ${o.notes}']);
    const good = `
      stmt(db, \`SELECT c.id FROM customers c WHERE c.id = @id AND \${s.where}\`).get({ id });
      stmt(db, \`SELECT \${COLUMNS.join(', ')} FROM customers WHERE \${active ? 'active = 1' : '1'}\`);
      db.pragma(\`busy_timeout = \${BUSY_TIMEOUT_MS}\`);
      const label = \`\${name} (\${title})\`; // not SQL
    `;
    expect(sqlBuiltFromInput('good.ts', good)).toEqual([]);
  });
});
