// Small inline SVG charts for the HTML report: no script, no font, no network, so the page works
// offline, in a mail and on paper. Lengths are proportional to the values; every text is
// HTML-escaped (labels are customer and rep names, hostile input).

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const WIDTH = 720;
const LABEL = 170;
const TEXT = 170;
/** The plot area between the labels on the left and the figures on the right. */
const PLOT = WIDTH - LABEL - TEXT;
const ROW = 30;
const LEGEND = 24;

export const COLORS = {
  now: '#2563eb',
  previous: '#93c5fd',
  negative: '#dc2626',
  target: '#e5e7eb',
  met: '#16a34a',
  short: '#f59e0b',
};

/** Two decimals are plenty for a viewBox 720 wide, and keep the page small. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function label(text: string, y: number): string {
  const chars = [...text];
  const shown = chars.length > 16 ? `${chars.slice(0, 15).join('')}…` : text;
  return `<text class="label" x="${LABEL - 8}" y="${n(y)}" text-anchor="end">${escapeHtml(shown)}</text>`;
}

function figure(text: string, y: number): string {
  return `<text class="figure" x="${WIDTH - TEXT + 8}" y="${n(y)}">${escapeHtml(text)}</text>`;
}

function legend(items: { name: string; color: string }[]): string {
  let x = LABEL;
  return items
    .map((item) => {
      const part = `<rect x="${x}" y="4" width="12" height="12" fill="${item.color}"/><text x="${x + 16}" y="14">${escapeHtml(item.name)}</text>`;
      // A rough width of the name (CJK characters are wide) to place the next item.
      x += 40 + [...item.name].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
      return part;
    })
    .join('');
}

function svg(title: string, height: number, body: string): string {
  return `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

function rect(cls: string, x: number, y: number, width: number, height: number, fill: string, value: number): string {
  return `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${fill}" data-value="${value}"/>`;
}

export interface BarRow {
  label: string;
  value: number;
  previous: number;
  /** The figures printed beside the bars. */
  text: string;
}

/**
 * One bar per row for the month and a thin one under it for the previous month, all to one scale
 * from a common zero line; negative values (a loss) go left of it.
 */
export function barChart(title: string, rows: BarRow[], names: { now: string; previous: string }): string {
  const values = rows.flatMap((r) => [r.value, r.previous]);
  const positive = Math.max(0, ...values);
  const negative = Math.max(0, ...values.map((v) => -v));
  const scale = PLOT / (positive + negative || 1);
  const zero = LABEL + negative * scale;
  const bar = (cls: string, v: number, y: number, height: number, fill: string) => rect(cls, v < 0 ? zero + v * scale : zero, y, Math.abs(v) * scale, height, v < 0 ? COLORS.negative : fill, v);
  const body = rows.map((r, i) => {
    const y = LEGEND + i * ROW;
    return label(r.label, y + 14) + bar('bar now', r.value, y + 2, 14, COLORS.now) + bar('bar previous', r.previous, y + 18, 6, COLORS.previous) + figure(r.text, y + 14);
  });
  const axis = `<line x1="${n(zero)}" y1="${LEGEND}" x2="${n(zero)}" y2="${LEGEND + rows.length * ROW}" stroke="#6b7280"/>`;
  const key = legend([
    { name: names.now, color: COLORS.now },
    { name: names.previous, color: COLORS.previous },
  ]);
  return svg(title, LEGEND + rows.length * ROW + 4, key + body.join('') + axis);
}

export interface StackRow {
  label: string;
  parts: number[];
  text: string;
}

/**
 * One stacked bar per row, the longest row's total filling the plot. Segment edges are rounded
 * once each, so a row's segments add up exactly to the row's length.
 */
export function stackedBars(title: string, rows: StackRow[], parts: { name: string; color: string }[]): string {
  const totals = rows.map((r) => r.parts.reduce((a, b) => a + Math.max(0, b), 0));
  const scale = PLOT / (Math.max(0, ...totals) || 1);
  const body = rows.map((r, i) => {
    const y = LEGEND + i * ROW;
    let sum = 0;
    const segments = r.parts.map((v, k) => {
      const from = Math.round((LABEL + sum * scale) * 100) / 100;
      sum += Math.max(0, v);
      const to = Math.round((LABEL + sum * scale) * 100) / 100;
      return rect(`segment part-${k}`, from, y + 2, to - from, 20, parts[k]!.color, v);
    });
    return label(r.label, y + 16) + segments.join('') + figure(r.text, y + 16);
  });
  return svg(title, LEGEND + rows.length * ROW + 4, legend(parts) + body.join(''));
}

export interface TargetRow {
  label: string;
  done: number;
  target: number;
  text: string;
}

/** Done against a minimum: a grey bar as long as the minimum, the done bar over it (amber when short). */
export function targetBars(title: string, rows: TargetRow[], names: { done: string; target: string }): string {
  const scale = PLOT / (Math.max(0, ...rows.flatMap((r) => [r.done, r.target])) || 1);
  const body = rows.map((r, i) => {
    const y = LEGEND + i * ROW;
    const color = r.done < r.target ? COLORS.short : COLORS.met;
    return label(r.label, y + 16) + rect('target', LABEL, y + 2, r.target * scale, 20, COLORS.target, r.target) + rect('bar done', LABEL, y + 6, r.done * scale, 12, color, r.done) + figure(r.text, y + 16);
  });
  const key = legend([
    { name: names.done, color: COLORS.met },
    { name: names.target, color: COLORS.target },
  ]);
  return svg(title, LEGEND + rows.length * ROW + 4, key + body.join(''));
}
