import Holidays from 'date-holidays';
import type { HolidayKind } from './vocabulary.js';

/** One holiday of a country, on its local calendar date. */
export interface CountryHoliday {
  /** yyyy-MM-dd in the country's own calendar (date-holidays gives local dates). */
  date: string;
  kind: HolidayKind;
  /** The library's English name, e.g. "Deepavali", "Thanksgiving Day". */
  name: string;
}

// Named observances in our vocabulary, by the library's English names (checked against
// date-holidays 3.37 for US, CA, GB, DE, FR, IN, CN, SG, MY, ID, AE, IL, KR, VN, JP, BR).
const NAMED: readonly [HolidayKind, RegExp][] = [
  ['new_year', /^New Year's Day$/],
  [
    'lunar_new_year',
    /^(Chinese New Year|Spring Festival|Lunar New Year|Korean New Year|Vietnamese New Year)$/,
  ],
  ['easter', /^Easter Sunday$/],
  ['eid_al_fitr', /Eid al-Fitr/],
  ['eid_al_adha', /Eid al-Adha/],
  ['diwali', /^(Deepavali|Diwali)$/],
  ['rosh_hashanah', /^Rosh Hashanah/],
  ['hanukkah', /^Hanukkah/],
  ['thanksgiving', /^Thanksgiving( Day)?$/],
  ['christmas', /^Christmas Day$/],
];

// The library lists some well-kept days only regionally or not at all; these fill the gap:
// Canada's Thanksgiving is in each province's data, not the nation's; India's data has no Diwali,
// whose date Singapore's table carries (the same day in most years).
const EXTRA_RULES: Readonly<Record<string, readonly { rule: string; name: string }[]>> = {
  CA: [{ rule: '2nd monday in October', name: 'Thanksgiving' }],
};
const BORROWED: Readonly<Record<string, { from: string; kind: HolidayKind }>> = {
  IN: { from: 'SG', kind: 'diwali' },
};

const TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;

const instances = new Map<string, Holidays | null>();
function calendarOf(country: string): Holidays | null {
  if (!instances.has(country)) {
    const hd = country in holidayCountries() ? new Holidays(country, { types: [...TYPES] }) : null;
    for (const r of hd ? (EXTRA_RULES[country] ?? []) : [])
      hd?.setHoliday(r.rule, { name: { en: r.name }, type: 'public' });
    instances.set(country, hd);
  }
  return instances.get(country) ?? null;
}

function kindOf(name: string, type: string): HolidayKind | null {
  for (const [kind, pattern] of NAMED) if (pattern.test(name)) return kind;
  // Other days only count as public holidays when the country closes for them.
  return type === 'public' ? 'public_holiday' : null;
}

function compute(country: string, year: number): CountryHoliday[] {
  const hd = calendarOf(country);
  if (!hd) return [];
  const rows = hd.getHolidays(year, 'en').filter((h) => !h.substitute);
  const out: CountryHoliday[] = [];
  const seen = new Set<string>();
  // A multi-day feast (Spring Festival, Eid P3D) counts once, on its first day; for the lunar new
  // year the eve is listed first, so the row whose rule is day 1 of month 1 wins.
  const ordered = [...rows].sort((a, b) => Number(/01-0-01$/.test(b.rule)) - Number(/01-0-01$/.test(a.rule)));
  for (const h of ordered) {
    const kind = kindOf(h.name, h.type);
    if (!kind) continue;
    const key = kind === 'public_holiday' ? `${kind}:${h.name}` : kind;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ date: h.date.slice(0, 10), kind, name: h.name });
  }
  const borrowed = BORROWED[country];
  if (borrowed && !seen.has(borrowed.kind)) {
    const other = countryHolidays(borrowed.from, year).find((h) => h.kind === borrowed.kind);
    if (other) out.push(other);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));
}

// date-holidays costs ~10 ms per country-year: computed once per process, never per contact.
const byYear = new Map<string, readonly CountryHoliday[]>();

/** F9: a country's holidays in a year (ISO 3166 alpha-2), in Tend's vocabulary, date order; [] if unknown. */
export function countryHolidays(country: string, year: number): readonly CountryHoliday[] {
  const key = `${country}|${year}`;
  let list = byYear.get(key);
  if (!list) {
    list = compute(country, year);
    byYear.set(key, list);
  }
  return list;
}

/** The time zones date-holidays lists for a country, main zone first. */
export function countryZones(country: string): readonly string[] {
  return calendarOf(country)?.getTimezones() ?? [];
}

let countries: Readonly<Record<string, string>> | null = null;
/** Every country date-holidays knows: code → English name. */
export function holidayCountries(): Readonly<Record<string, string>> {
  countries ??= new Holidays().getCountries('en');
  return countries;
}
