import { UNTRACKED_CADENCES } from '../core/cadence';
import { countryName, holidayName, holidayPlan } from '../core/holidays';
import { localDate } from '../core/instant';
import { isOneOf } from '../core/one-of';
import type { DayEvent } from '../formats/ics-writer';
import { holidayCountriesInUse, holidayFeedContacts } from '../store/holidays.repo';
import type { Conn } from '../store/store';
import { holidayChoices } from './holidays.service';

/** A calendar client re-reads the whole feed: names per holiday are capped, the rest counted. */
const FEED_CONTACTS = 2000;
const NAMES_SHOWN = 5;
const FEED_DAYS = 366;

const dayNumber = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/**
 * F21: the chosen holidays of the next year as all-day events, one per (country, holiday), naming
 * the tracked contacts of the circles that chose it: "Diwali (India): Priya Raman, Arjun Mehta".
 */
export async function holidayFeedEvents(
  db: Conn,
  accountId: string,
  zone: string,
  now: string,
): Promise<DayEvent[]> {
  const choices = await holidayChoices(db, accountId);
  if (choices.length === 0) return [];
  const countries = await holidayCountriesInUse(db, accountId);
  const contacts = await holidayFeedContacts(db, accountId, {
    circleIds: choices.map((c) => c.circleId),
    countries,
    limit: FEED_CONTACTS,
  });
  const today = localDate(now, zone);
  const from = Date.UTC(today.year, today.month - 1, today.day) / 86_400_000;
  const events = new Map<string, DayEvent & { names: string[] }>();
  for (const choice of choices) {
    const members = contacts.filter(
      (c) =>
        c.circle_id === choice.circleId &&
        (c.cadence_kind ? !isOneOf(UNTRACKED_CADENCES, c.cadence_kind) : choice.circleTracked),
    );
    for (const country of new Set(members.map((m) => m.holiday_country))) {
      if (!country) continue;
      const names = members
        .filter((m) => m.holiday_country === country)
        .map((m) => `${m.first_name} ${m.last_name}`.trim());
      const dated = [today.year, today.year + 1].flatMap((y) => holidayPlan(country, y, choice));
      for (const h of dated) {
        const d = dayNumber(h.date);
        if (d < from || d >= from + FEED_DAYS) continue;
        const key = `${country}-${h.date}-${h.kind}`;
        const e = events.get(key) ?? {
          kind: 'day' as const,
          uid: `holiday-${key}@tend`,
          summary: '',
          date: h.date,
          names: [],
        };
        for (const n of names) if (!e.names.includes(n)) e.names.push(n);
        e.summary = `${holidayName(h)} (${countryName(country).replace(/^the /, '')})`;
        events.set(key, e);
      }
    }
  }
  return [...events.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1))
    .map(({ names, ...e }) => {
      const shown = names.slice(0, NAMES_SHOWN).join(', ');
      const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
      return {
        ...e,
        summary: `${e.summary}: ${shown}${more}`,
        description: `Send a greeting: ${names.join(', ')}`,
      };
    });
}
