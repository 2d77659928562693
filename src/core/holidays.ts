import { DateTime } from 'luxon';
import { type CountryHoliday, countryHolidays } from './holiday-calendar';
import { localDate } from './instant';
import type { HolidayKind } from './vocabulary';

/** Which holidays count for a circle, and how many days ahead they show (F9). */
export interface HolidayChoice {
  kinds: readonly HolidayKind[];
  leadDays: number;
}

/** A holiday a contact will be greeted for, seen from their own zone. */
export interface UpcomingHoliday extends CountryHoliday {
  country: string;
  /** Calendar days from the contact's today; 0 means today. */
  inDays: number;
}

/** Never more than one holiday reminder in any seven days (the rule). */
export const HOLIDAY_QUIET_DAYS = 7;

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

const plans = new Map<string, readonly PlannedHoliday[]>();
/** A kept holiday with its day number (days since 1970-01-01), so window checks parse nothing. */
export interface PlannedHoliday extends CountryHoliday {
  day: number;
}

// The cache key of a choice, built once per choice object (Today asks per country, not per contact).
const keys = new WeakMap<HolidayChoice, string>();
/** A stable key for a choice (lead days and sorted kinds): equal choices share caches. */
export function choiceKey(choice: HolidayChoice): string {
  let key = keys.get(choice);
  if (key === undefined) {
    key = `${choice.leadDays}|${[...new Set(choice.kinds)].sort().join(',')}`;
    keys.set(choice, key);
  }
  return key;
}

/**
 * The holidays a contact in `country` is reminded of around `year` (year−1 … year+1), thinned so two
 * reminders are never within seven days of each other: a reminder shows from `leadDays` before its
 * day until the day, so kept days are at least leadDays + 7 apart. Named observances are kept
 * first (Easter over Good Friday), then public holidays fill the gaps; earlier wins among equals.
 * Cached per (country, year, choice): Today computes it once per country, not per contact.
 */
export function holidayPlan(country: string, year: number, choice: HolidayChoice): readonly PlannedHoliday[] {
  const key = `${country}|${year}|${choiceKey(choice)}`;
  const cached = plans.get(key);
  if (cached) return cached;
  const wanted = new Set<HolidayKind>(choice.kinds);
  const all = [year - 1, year, year + 1]
    .flatMap((y) => countryHolidays(country, y))
    .filter((h) => wanted.has(h.kind));
  const gap = choice.leadDays + HOLIDAY_QUIET_DAYS;
  const kept: PlannedHoliday[] = [];
  const fits = (day: number) => kept.every((k) => Math.abs(k.day - day) >= gap);
  for (const pass of [false, true])
    for (const h of all) {
      const day = dayNumber(h.date);
      if ((h.kind === 'public_holiday') === pass && fits(day)) kept.push({ ...h, day });
    }
  kept.sort((a, b) => a.day - b.day);
  if (plans.size > 5000) plans.clear();
  plans.set(key, kept);
  return kept;
}

/** F9: the holiday (at most one) a contact in `country` should hear from you about at `now`, in their zone. */
export function upcomingHoliday(
  country: string,
  zone: string | null | undefined,
  choice: HolidayChoice,
  now: string,
): UpcomingHoliday | null {
  if (choice.kinds.length === 0) return null;
  const today = localDate(now, zone);
  const from = Date.UTC(today.year, today.month - 1, today.day) / 86_400_000;
  for (const h of holidayPlan(country, today.year, choice)) {
    const inDays = h.day - from;
    if (inDays >= 0 && inDays <= choice.leadDays)
      return { date: h.date, kind: h.kind, name: h.name, country, inDays };
  }
  return null;
}

/**
 * Whether some zone could be within a holiday's lead time at `now`: a local date is at most a day
 * from UTC's, so this checks the UTC day widened by one on each side. Cheap (no zone math), for
 * deciding which countries to ask the database about at all.
 */
export function holidayNear(country: string, choice: HolidayChoice, nowMs: number): number | null {
  if (choice.kinds.length === 0) return null;
  const utcDay = Math.floor(nowMs / 86_400_000);
  const year = new Date(nowMs).getUTCFullYear();
  for (const h of holidayPlan(country, year, choice)) {
    const inDays = h.day - utcDay;
    if (inDays >= -1 && inDays <= choice.leadDays + 1) return inDays;
  }
  return null;
}

/** How many reminders a year the choice brings for one contact in `country` (for capacity, F3). */
export function holidaysPerYear(country: string, year: number, choice: HolidayChoice): number {
  return holidayPlan(country, year, choice).filter((h) => h.date.startsWith(`${year}-`)).length;
}

// The names people use in a greeting; the library's own name for any other public holiday.
const DISPLAY: Partial<Record<HolidayKind, string>> = {
  new_year: 'New Year',
  lunar_new_year: 'Lunar New Year',
  easter: 'Easter',
  eid_al_fitr: 'Eid al-Fitr',
  eid_al_adha: 'Eid al-Adha',
  diwali: 'Diwali',
  rosh_hashanah: 'Rosh Hashanah',
  hanukkah: 'Hanukkah',
  thanksgiving: 'Thanksgiving',
  christmas: 'Christmas',
};

/** The holiday as a person would name it ("Diwali", not "Deepavali"; "Canada Day" as is). */
export function holidayName(h: Pick<CountryHoliday, 'kind' | 'name'>): string {
  return DISPLAY[h.kind] ?? h.name;
}

// "the" before the countries whose English name takes it.
const WITH_THE = new Set([
  'US',
  'GB',
  'AE',
  'NL',
  'PH',
  'CZ',
  'DO',
  'BS',
  'GM',
  'CF',
  'KY',
  'MV',
  'SC',
  'VA',
]);
let regions: Intl.DisplayNames | null = null;

/** "India", "the United States". */
export function countryName(code: string): string {
  regions ??= new Intl.DisplayNames('en', { type: 'region' });
  const name = regions.of(code) ?? code;
  return WITH_THE.has(code) ? `the ${name}` : name;
}

/** "Diwali is on Sunday in India", "Thanksgiving is tomorrow in Canada"; weekday within a week, else the date. */
export function describeHoliday(
  h: Pick<UpcomingHoliday, 'kind' | 'name' | 'date' | 'inDays' | 'country'>,
): string {
  // Luxon parsing and formatting cost ~15 µs a contact, and Today describes up to 40 contacts who
  // share a handful of (holiday, country, day) texts: a pure function, kept by its inputs.
  const key = `${h.kind}|${h.name}|${h.date}|${h.inDays}|${h.country}`;
  let text = described.get(key);
  if (text === undefined) {
    text = describeHolidayNow(h);
    if (described.size > 1000) described.clear();
    described.set(key, text);
  }
  return text;
}

const described = new Map<string, string>();

function describeHolidayNow(
  h: Pick<UpcomingHoliday, 'kind' | 'name' | 'date' | 'inDays' | 'country'>,
): string {
  const day = DateTime.fromISO(h.date, { zone: 'utc', locale: 'en' });
  const when =
    h.inDays === 0
      ? 'today'
      : h.inDays === 1
        ? 'tomorrow'
        : h.inDays < 7
          ? `on ${day.toFormat('cccc')}`
          : `on ${day.toFormat('cccc d MMMM')}`;
  return `${holidayName(h)} is ${when} in ${countryName(h.country)}`;
}
