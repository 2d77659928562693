import { describeHoliday, upcomingHoliday } from '../core/holidays';
import { DAY_MS, toIso } from '../core/instant';
import { type ExtensionReason, TODAY_WEIGHTS } from '../core/today-reasons';
import { holidayContacts, holidayCountriesInUse } from '../store/holidays.repo';
import type { Deps } from './deps';
import { holidayChoices } from './holidays.service';

/** Like every other reason: at most this many candidates, nearest holiday first (docs/today.md). */
const MAX_REASONS = 40;

/** Points a holiday adds: the day itself most, less each day ahead, never below an overdue nudge's floor. */
export function holidayWeight(inDays: number): number {
  return Math.max(0, TODAY_WEIGHTS.holiday - 4 * inDays);
}

/**
 * F9 Today reasons: "Diwali is on Sunday in India" for tracked contacts of the circles that chose
 * holidays. Holidays are computed per (country, choice), never per contact: the countries come from
 * one index seek each, only countries with a holiday in the window are asked for contacts, and
 * each contact's own zone then decides the day (Auckland may already be on the day).
 */
export async function holidayTodayReasons(
  deps: Deps,
  accountId: string,
  now: string,
): Promise<ExtensionReason[]> {
  const db = deps.store.read;
  const choices = await holidayChoices(db, accountId);
  if (choices.length === 0) return [];
  const countries = await holidayCountriesInUse(db, accountId);
  const nowMs = Date.parse(now);
  // A local date is at most a day off UTC's, so a holiday seen from UTC yesterday, today or
  // tomorrow is the only kind that can be inside some contact's window.
  const probes = [-1, 0, 1].map((d) => toIso(nowMs + d * DAY_MS));
  const pairs = choices.flatMap((choice) =>
    countries.flatMap((country) => {
      const near = probes
        .map((p) => upcomingHoliday(country, 'UTC', choice, p))
        .filter((h) => h !== null)
        .map((h) => h.inDays);
      return near.length ? [{ choice, country, nearest: Math.min(...near) }] : [];
    }),
  );
  pairs.sort((a, b) => a.nearest - b.nearest || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
  const reasons: ExtensionReason[] = [];
  for (const { choice, country } of pairs) {
    if (reasons.length >= MAX_REASONS) break;
    const contacts = await holidayContacts(db, accountId, {
      country,
      circleId: choice.circleId,
      circleTracked: choice.circleTracked,
      now,
      limit: MAX_REASONS - reasons.length,
    });
    for (const c of contacts) {
      const h = upcomingHoliday(country, c.time_zone, choice, now);
      if (h)
        reasons.push({
          kind: 'holiday',
          contactId: c.id,
          detail: describeHoliday(h),
          weight: holidayWeight(h.inDays),
        });
    }
  }
  return reasons;
}
