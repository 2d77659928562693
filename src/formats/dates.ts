import type { PartialDate } from './imported-contact';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** True when month/day exist (in `year`, or in some leap year when the year is unknown). */
export function isValidDate(d: PartialDate): boolean {
  if (!Number.isInteger(d.month) || !Number.isInteger(d.day) || d.month < 1 || d.month > 12 || d.day < 1) {
    return false;
  }
  if (d.year !== undefined && (!Number.isInteger(d.year) || d.year < 1 || d.year > 9999)) return false;
  const leap = d.year === undefined || (d.year % 4 === 0 && (d.year % 100 !== 0 || d.year % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1] ?? 0;
  return d.day <= days;
}

function monthIndex(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i === -1 ? Number.NaN : i + 1;
}

/** Two-digit years: 00–39 are 20xx, 40–99 are 19xx (a pivot fixed here, never read from a clock). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 40 ? 2000 + y : 1900 + y;
}

/**
 * Reads the date shapes our sources write: ISO `1980-04-12`, `19800412`, no-year `--04-12`/`--0412`,
 * `12 Mar 2024`, `12-Mar-24`, `Mar 12, 2024`, US `4/12/1980` (Outlook), ISO date-times (date part).
 * Returns undefined when the text is not a real date (31 Feb, 31/02/2024 read as month 31).
 */
export function parseLooseDate(input: string): PartialDate | undefined {
  const s = input.trim();
  for (const [pattern, build] of SHAPES) {
    const m = pattern.exec(s);
    if (!m) continue;
    const d = build(m.slice(1) as string[]);
    return isValidDate(d) ? d : undefined;
  }
  return undefined;
}

const SHAPES: [RegExp, (g: string[]) => PartialDate][] = [
  [
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    ([y, m, d]) => ({ year: Number(y), month: Number(m), day: Number(d) }),
  ],
  [/^--(\d{2})-?(\d{2})$/, ([m, d]) => ({ month: Number(m), day: Number(d) })],
  [
    /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2}|\d{4})$/,
    ([d, m, y]) => ({ year: fullYear(y!), month: monthIndex(m!), day: Number(d) }),
  ],
  [
    /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/,
    ([m, d, y]) => ({ year: Number(y), month: monthIndex(m!), day: Number(d) }),
  ],
  [
    /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/,
    ([m, d, y]) => ({ year: fullYear(y!), month: Number(m), day: Number(d) }),
  ],
];

/** Formats a full date as YYYY-MM-DD. */
export function isoDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** Two-digit zero padding. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
