import { DateTime } from 'luxon';
import { calendarDays, localDate, safeZone, type Ymd } from './instant';
import type { DateKind } from './vocabulary';

/** A date that recurs every year; `year` is known for birthdays with a birth year, anniversaries, milestones. */
/** The longest lead time a date may have: Today looks this far ahead for upcoming dates. */
export const MAX_LEAD_DAYS = 30;

export interface YearlyDate {
  month: number; // 1–12
  day: number; // 1–31
  year?: number | null;
}

/** The next time a yearly date comes round, seen from the contact's zone. */
export interface Occurrence {
  /** Local calendar date of the occurrence, yyyy-MM-dd. */
  date: string;
  /** Start of that local day as a UTC instant. */
  startsAt: string;
  /** Calendar days from the contact's today; 0 means today. */
  inDays: number;
  /** Years completed at that occurrence (the age a birthday "turns"), or null without a year. */
  years: number | null;
}

/** Calendar date of a yearly date in a given year; Feb 29 falls on Feb 28 in common years. */
export function dateInYear(date: YearlyDate, year: number): Ymd {
  const daysInMonth = new Date(Date.UTC(year, date.month, 0)).getUTCDate();
  return { year, month: date.month, day: Math.min(date.day, daysInMonth) };
}

/** Days until the next occurrence (today = 0) and years turned then; the cheap path the queue uses. */
export function daysUntil(
  date: YearlyDate,
  now: string,
  zone: string | null | undefined,
): { inDays: number; years: number | null; target: Ymd } {
  const today = localDate(now, zone);
  let target = dateInYear(date, today.year);
  if (calendarDays(today, target) < 0) target = dateInYear(date, today.year + 1);
  // A dated one-off in the future (a milestone next year) first occurs in its own year.
  if (date.year != null && target.year < date.year) target = dateInYear(date, date.year);
  return {
    inDays: calendarDays(today, target),
    years: date.year != null ? target.year - date.year : null,
    target,
  };
}

/** Next occurrence (today included) of a yearly date in the contact's zone, with days until it and years turned. */
export function nextOccurrence(date: YearlyDate, now: string, zone: string | null | undefined): Occurrence {
  const z = safeZone(zone);
  const { inDays, years, target } = daysUntil(date, now, z);
  const start = DateTime.fromObject(target, { zone: z }).startOf('day');
  return {
    date: start.toISODate() ?? '',
    startsAt: start.toUTC().toISO() ?? '',
    inDays,
    years,
  };
}

/** Whether the next occurrence falls within `leadDays` calendar days of the contact's today (0 = today only). */
export function withinLeadTime(
  date: YearlyDate,
  leadDays: number,
  now: string,
  zone: string | null | undefined,
): boolean {
  return daysUntil(date, now, zone).inDays <= leadDays;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Why a month/day[/year] is not a calendar date, or null. Feb 29 is fine without a year (it recurs). */
export function invalidDay(month: number, day: number, year: number | null | undefined): string | null {
  const max = MONTH_DAYS[month - 1] ?? 31;
  if (day > max) return `month ${month} has no day ${day}`;
  if (year != null && month === 2 && day === 29 && !isLeapYear(year))
    return `${year} is not a leap year, so it has no 29 February`;
  return null;
}

/** Birthdays get a week's notice (time for a card); other dates three days. */
export function defaultLeadDays(kind: DateKind): number {
  return kind === 'birthday' ? 7 : 3;
}

const DAY_MS = 86_400_000;

/** (month, day) pairs nearest first: from yesterday (zones ahead of UTC) to the longest lead plus a day. */
export function datePairs(now: number): { month: number; day: number; minLead: number }[] {
  const pairs: { month: number; day: number; minLead: number }[] = [];
  // From yesterday (zones ahead of UTC) to the longest lead plus a day (zones behind).
  // UTC calendar fields straight from Date: 33 Luxon DateTimes were a tenth of a millisecond per Today call.
  for (let d = -1; d <= MAX_LEAD_DAYS + 1; d++) {
    const at = new Date(now + d * DAY_MS);
    const month = at.getUTCMonth() + 1;
    const day = at.getUTCDate();
    pairs.push({ month, day, minLead: Math.max(0, d - 1) });
    // 29 February is celebrated on the 28th in other years.
    if (month === 2 && day === 28 && !isLeapYear(at.getUTCFullYear()))
      pairs.push({ month: 2, day: 29, minLead: Math.max(0, d - 1) });
  }
  return pairs;
}
