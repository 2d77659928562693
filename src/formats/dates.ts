/** A calendar date whose year may be unknown (a birthday without a year). */
export interface PartialDate {
  month: number;
  day: number;
  year?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** True when month/day exist (in `year`, or in some leap year when the year is unknown). */
export function isValidDate(d: PartialDate): boolean {
  if (!Number.isInteger(d.month) || !Number.isInteger(d.day) || d.month < 1 || d.month > 12 || d.day < 1) {
    return false;
  }
  if (d.year !== undefined && (!Number.isInteger(d.year) || d.year < 1 || d.year > 9999)) return false;
  const leap = d.year === undefined || (d.year % 4 === 0 && (d.year % 100 !== 0 || d.year % 400 === 0));
  const days = d.month === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[d.month - 1] ?? 0);
  return d.day <= days;
}
/** Days of each month (February's in a common year); one table, not one array per date read. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
 * Which number comes first in `3/4/1991`: a file's locale (a German Outlook export) or its source
 * (LinkedIn, US Outlook) says so; `undefined` means nothing does, and such a date is ambiguous.
 */
export type DateOrder = 'mdy' | 'dmy';

/** Why a date could not be read: not a date at all, or two readings and nothing to choose between them. */
export type DateProblem = 'invalid' | 'ambiguous';

/**
 * Reads the date shapes our sources write: ISO `1980-04-12`, `19800412`, no-year `--04-12`/`--0412`,
 * `12 Mar 2024`, `12-Mar-24`, `Mar 12, 2024`, dotted day-first `12.04.1980` / `01.01.99` (every
 * locale that writes dots puts the day first), slashed `4/12/1980` in `order`, LinkedIn 2018's
 * `1/8/18, 6:14 PM`, ISO date-times (date part). A slashed date whose first number is over 12 (or
 * second, for mdy) can be read only one way and is, whatever `order` says; one that can be read
 * both ways with no order given is 'ambiguous', never guessed. 31 Feb is 'invalid'.
 */
export function readDate(input: string, order?: DateOrder): PartialDate | DateProblem {
  const s = input.trim();
  for (const [pattern, build] of SHAPES) {
    const m = pattern.exec(s);
    if (!m) continue;
    const d = build(m.slice(1));
    return isValidDate(d) ? d : 'invalid';
  }
  const slashed = SLASHED.exec(s);
  if (!slashed) return 'invalid';
  const [a, b] = [Number(slashed[1]), Number(slashed[2])];
  const year = fullYear(slashed[3]!);
  const mdy = { year, month: a, day: b };
  const dmy = { year, month: b, day: a };
  const readings = [mdy, dmy].filter(isValidDate);
  if (readings.length === 0) return 'invalid';
  if (readings.length === 1 || a === b) return readings[0]!;
  if (!order) return 'ambiguous';
  return order === 'mdy' ? mdy : dmy;
}

/** readDate without the why: undefined for anything it cannot read (US order for slashed dates). */
export function parseLooseDate(input: string, order: DateOrder = 'mdy'): PartialDate | undefined {
  const d = readDate(input, order);
  return typeof d === 'string' ? undefined : d;
}

/** 1/8/18, 1/8/2018, 1/8/18, 6:14 PM (LinkedIn 2018), 20/01/1991. */
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/;

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
    /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/,
    ([d, m, y]) => ({ year: fullYear(y!), month: Number(m), day: Number(d) }),
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
