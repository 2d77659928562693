import { choiceKey, describeHoliday, holidayNear, upcomingHoliday } from '../core/holidays';
import { DAY_MS } from '../core/instant';
import { type ExtensionReason, TODAY_WEIGHTS } from '../core/today-reasons';
import { holidayContacts, holidayCountriesInUse } from '../store/holidays.repo';
import type { Deps } from './deps';
import { type CircleHolidayChoice, holidayChoices } from './holidays.service';

/** Like every other reason: at most this many candidates, nearest holiday first (docs/today.md). */
const MAX_REASONS = 40;

/** Points a holiday adds: the day itself most, less each day ahead, never below an overdue nudge's floor. */
export function holidayWeight(inDays: number): number {
  return Math.max(0, TODAY_WEIGHTS.holiday - 4 * inDays);
}

// Which countries have a holiday near, per (UTC day, choice, countries in use): the same all day,
// so a day's Today calls share one pass over the countries (measured 40 ms a call without it).
const nearCache = new Map<string, Map<number, string[]>>();
function nearByDay(
  countries: readonly string[],
  choice: CircleHolidayChoice,
  nowMs: number,
): Map<number, string[]> {
  const key = `${Math.floor(nowMs / DAY_MS)}|${choiceKey(choice)}|${countries.join(',')}`;
  let byDay = nearCache.get(key);
  if (!byDay) {
    byDay = new Map();
    for (const country of countries) {
      const inDays = holidayNear(country, choice, nowMs);
      if (inDays !== null) byDay.set(inDays, [...(byDay.get(inDays) ?? []), country]);
    }
    if (nearCache.size > 200) nearCache.clear();
    nearCache.set(key, byDay);
  }
  return byDay;
}

/**
 * F9 Today reasons: "Diwali is on Sunday in India" for tracked contacts of the circles that chose
 * holidays. Holidays are computed per (country, choice), never per contact: the countries come from
 * one index seek each, circles with the same choice are asked together, one query per distance
 * (nearest holiday first) until 40 candidates are found, and each contact's own zone then decides
 * the day (Auckland may already be on the day).
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
  const groups = new Map<string, CircleHolidayChoice[]>();
  for (const c of choices) groups.set(choiceKey(c), [...(groups.get(choiceKey(c)) ?? []), c]);
  const steps = [...groups.values()].flatMap((circles) =>
    [...nearByDay(countries, circles[0]!, nowMs)].map(([inDays, near]) => ({ inDays, near, circles })),
  );
  steps.sort((a, b) => a.inDays - b.inDays);
  const choiceOf = new Map(choices.map((c) => [c.circleId, c]));
  const reasons: ExtensionReason[] = [];
  for (const step of steps) {
    if (reasons.length >= MAX_REASONS) break;
    const contacts = await holidayContacts(db, accountId, {
      countries: step.near,
      circleIds: step.circles.map((c) => c.circleId),
      trackedCircleIds: step.circles.filter((c) => c.circleTracked).map((c) => c.circleId),
      now,
      limit: MAX_REASONS - reasons.length,
    });
    for (const c of contacts) {
      const choice = choiceOf.get(c.circle_id ?? '');
      const h =
        choice && c.holiday_country ? upcomingHoliday(c.holiday_country, c.time_zone, choice, now) : null;
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
