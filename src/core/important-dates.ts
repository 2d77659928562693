import { DateTime } from 'luxon';
import { inZone, safeZone } from './instant.js';

/** A date that recurs every year; `year` is known for birthdays with a birth year, anniversaries, milestones. */
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
export function dateInYear(date: YearlyDate, year: number): { year: number; month: number; day: number } {
  const daysInMonth = DateTime.utc(year, date.month, 1).daysInMonth ?? 31;
  return { year, month: date.month, day: Math.min(date.day, daysInMonth) };
}

// Calendar-day difference via UTC midnights, so a 23 h or 25 h DST day still counts as one day.
function calendarDays(a: { year: number; month: number; day: number }, b: typeof a): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Next occurrence (today included) of a yearly date in the contact's zone, with days until it and years turned. */
export function nextOccurrence(date: YearlyDate, now: string, zone: string | null | undefined): Occurrence {
  const z = safeZone(zone);
  const today = inZone(now, z);
  const todayYmd = { year: today.year, month: today.month, day: today.day };
  let target = dateInYear(date, today.year);
  if (calendarDays(todayYmd, target) < 0) target = dateInYear(date, today.year + 1);
  // A dated one-off in the future (a milestone next year) first occurs in its own year.
  if (date.year != null && target.year < date.year) target = dateInYear(date, date.year);
  const start = DateTime.fromObject(target, { zone: z }).startOf('day');
  return {
    date: start.toISODate() ?? '',
    startsAt: start.toUTC().toISO() ?? '',
    inDays: calendarDays(todayYmd, target),
    years: date.year != null ? target.year - date.year : null,
  };
}

/** Whether the next occurrence falls within `leadDays` calendar days of the contact's today (0 = today only). */
export function withinLeadTime(
  date: YearlyDate,
  leadDays: number,
  now: string,
  zone: string | null | undefined,
): boolean {
  return nextOccurrence(date, now, zone).inDays <= leadDays;
}
