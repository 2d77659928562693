import { DateTime } from 'luxon';
import { calendarDays, localDate, safeZone, type Ymd } from './instant';

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
