import { DateTime } from 'luxon';

export interface Column {
  header: string;
  /** Never shrunk below this many characters (defaults to 4, or the header when shorter). */
  min?: number;
  /** Wrap this column's cells onto more lines instead of cutting them (lines in a cell split on \n). */
  wrap?: boolean;
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

/** Word-wraps `text` (and its own line breaks) to `width`; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!line) line = word;
      else if (len(line) + 1 + len(word) <= width) line = `${line} ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out.map((l) => truncate(l, width));
}

/** A cell as one line: a line break inside it (a two-line job title) would break the row. */
const flat = (cell: string) => cell.replace(/\s*[\r\n]+\s*/g, ' ');
const cellWidth = (cell: string, wrapped: boolean | undefined) =>
  wrapped ? Math.max(0, ...cell.split('\n').map(len)) : len(flat(cell));

/** Column widths that fit `maxWidth`: the widest column gives up a character until the row fits. */
export function fitWidths(columns: Column[], rows: string[][], maxWidth: number): number[] {
  const widths = columns.map((c, i) =>
    Math.max(len(c.header), ...rows.map((r) => cellWidth(r[i] ?? '', c.wrap))),
  );
  const mins = columns.map((c, i) => Math.min(widths[i]!, c.min ?? Math.min(4, len(c.header))));
  const budget = maxWidth - GAP.length * (columns.length - 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    // Wrapped columns give way first: they lose no text, only take more lines.
    let widest = -1;
    for (const wrapped of [true, false]) {
      for (let i = 0; i < widths.length; i++) {
        if (Boolean(columns[i]!.wrap) !== wrapped || widths[i]! <= mins[i]!) continue;
        if (widest < 0 || widths[i]! > widths[widest]!) widest = i;
      }
      if (widest >= 0) break;
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
      .map((cell, i) => pad(truncate(flat(cell), widths[i]!), widths[i]!))
      .join(GAP)
      .trimEnd();
  // A row whose wrapped cells take several lines: the other columns stay blank below the first.
  const rowLines = (cells: string[]) => {
    const parts = cells.map((cell, i) => (columns[i]?.wrap ? wrap(cell, widths[i]!) : [cell]));
    const height = Math.max(...parts.map((p) => p.length));
    return Array.from({ length: height }, (_, k) => line(parts.map((p) => p[k] ?? '')));
  };
  return [line(columns.map((c) => c.header)), ...rows.flatMap(rowLines)].join('\n');
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
