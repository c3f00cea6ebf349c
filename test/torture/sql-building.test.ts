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

/** `list.map((x, i) => …)` whose result does not depend on the list's values: only on the index
 * `i` (a number) or on constant tables (DEAL_KEYS[x]). Then the list does not matter. */
function mapsToFixed(e: ts.CallExpression): boolean {
  const cb = e.arguments[0];
  if (!ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'map' || !cb || !ts.isArrowFunction(cb) || !ts.isExpression(cb.body)) return false;
  const index = cb.parameters[1]?.name;
  return isFixedFragment(cb.body, index && ts.isIdentifier(index) ? index.text : undefined);
}

function isFixedFragment(e: ts.Expression, numericName?: string): boolean {
  const fixed = (x: ts.Expression) => isFixedFragment(x, numericName);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return true;
  if (numericName !== undefined && ts.isIdentifier(e) && e.text === numericName) return true;
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(e.operatorToken.kind))
    return (ts.isNumericLiteral(e.left) || ts.isNumericLiteral(e.right)) && fixed(e.left) && fixed(e.right);
  if (ts.isParenthesizedExpression(e)) return fixed(e.expression);
  if (ts.isConditionalExpression(e)) return fixed(e.whenTrue) && fixed(e.whenFalse);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => fixed(s.expression));
  // list.map(…).join(', '): judged by what the map makes of each element.
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'join' && ts.isCallExpression(e.expression.expression) && mapsToFixed(e.expression.expression))
    return e.arguments.every(fixed);
  // An entry of a constant table: SORT_KEYS[order.by].
  if (ts.isElementAccessExpression(e)) return isFixedFragment(e.expression);
  // A helper given only fixed fragments (its own template is checked where it is written).
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length > 0) return e.arguments.every(fixed);
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
        stmt(db, \`SELECT id FROM customers WHERE name IN (\${names.map((n) => \`'\${n}'\`).join(', ')})\`);
      }`;
    expect(sqlBuiltFromInput('bad.ts', bad)).toEqual(["bad.ts:3 ${name}", 'bad.ts:4 + search', 'bad.ts:6 ${o.notes}', "bad.ts:7 ${names.map((n) => `'${n}'`).join(', ')}"]);
    const good = `
      stmt(db, \`SELECT c.id FROM customers c WHERE c.id = @id AND \${s.where}\`).get({ id });
      stmt(db, \`SELECT \${COLUMNS.join(', ')} FROM customers WHERE \${active ? 'active = 1' : '1'}\`);
      db.pragma(\`busy_timeout = \${BUSY_TIMEOUT_MS}\`);
      stmt(db, \`SELECT \${keys.map((k) => DEAL_KEYS[k]).join(', ')} FROM deals GROUP BY \${keys.map((_, i) => i + 1).join(', ')}\`);
      const label = \`\${name} (\${title})\`; // not SQL
    `;
    expect(sqlBuiltFromInput('good.ts', good)).toEqual([]);
  });
});
