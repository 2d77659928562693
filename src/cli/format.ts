import { DateTime } from 'luxon';

export interface Column {
  header: string;
  /** Never shrunk below this many characters (defaults to 4, or the header when shorter). */
  min?: number;
}

const GAP = '  ';
const ELLIPSIS = '…';

/** Cuts `text` to `width` characters, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return `${chars.slice(0, width - 1).join('')}${ELLIPSIS}`;
}

function len(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - len(text)));
}

/** Column widths that fit `maxWidth`: the widest column gives up a character until the row fits. */
export function fitWidths(columns: Column[], rows: string[][], maxWidth: number): number[] {
  const widths = columns.map((c, i) => Math.max(len(c.header), ...rows.map((r) => len(r[i] ?? ''))));
  const mins = columns.map((c, i) => Math.min(widths[i]!, c.min ?? Math.min(4, len(c.header))));
  const budget = maxWidth - GAP.length * (columns.length - 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > mins[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break; // every column is at its minimum: let the terminal wrap
    widths[widest]! -= 1;
    total -= 1;
  }
  return widths;
}

/** A plain-text table, header first, columns padded and truncated to fit `maxWidth`. */
export function renderTable(columns: Column[], rows: string[][], maxWidth: number): string {
  const widths = fitWidths(columns, rows, maxWidth);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(truncate(cell, widths[i]!), widths[i]!))
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
}

/** An instant as a calendar date in `zone` (the machine's zone by default); '-' when absent. */
export function formatDate(iso: string | null | undefined, zone = 'local'): string {
  if (!iso) return '-';
  const d = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return d.isValid ? d.toISODate()! : iso;
}

/** `key: value` lines with the keys aligned; empty values are left out. */
export function renderDetails(pairs: [string, string | null | undefined][]): string {
  const shown = pairs.filter((p): p is [string, string] => Boolean(p[1]));
  const width = Math.max(0, ...shown.map(([k]) => len(k)));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`).join('\n');
}

/** Width to render for: the terminal's, else $COLUMNS, else 120 (piped output). */
export function terminalWidth(): number {
  return process.stdout.columns || Number(process.env.COLUMNS) || 120;
}
