import { DateTime } from 'luxon';
import { safeZone } from './instant';
import type { WorkingHours } from './vocabulary';

export const CATCH_UP_FORMATS = ['virtual_coffee', 'lunch', 'walk', 'conference'] as const;
export type CatchUpFormat = (typeof CATCH_UP_FORMATS)[number];

/** Length of each format, and local hours it must start within (lunch at lunchtime, for both). */
export const FORMAT_RULES: Record<CatchUpFormat, { minutes: number; startFrom?: string; startBy?: string }> =
  {
    virtual_coffee: { minutes: 15 },
    lunch: { minutes: 60, startFrom: '11:30', startBy: '13:30' },
    walk: { minutes: 45 },
    conference: { minutes: 30 },
  };

export interface Party {
  zone: string | null | undefined;
  hours: WorkingHours;
}
export interface Slot {
  startAt: string;
  endAt: string;
  /** Local wall-clock times for each side, e.g. "Tue 3 Jun 09:30". */
  mine: string;
  theirs: string;
}

const STEP_MS = 30 * 60_000;
const HOUR_MS = 3_600_000;

/** [start, end) in UTC millis of the part of a local day when `party` may start a meeting of `length` minutes. */
function startWindow(
  day: DateTime,
  party: Party,
  rule: { startFrom?: string; startBy?: string },
  length: number,
) {
  if (!party.hours.days.includes(day.weekday)) return null;
  const at = (hhmm: string) =>
    day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) }).toMillis();
  const from = Math.max(at(party.hours.start), rule.startFrom ? at(rule.startFrom) : 0);
  const by = Math.min(
    at(party.hours.end) - length * 60_000,
    rule.startBy ? at(rule.startBy) : Number.POSITIVE_INFINITY,
  );
  return from <= by ? { from, by } : null;
}

/** F15: slots in the next `days` that sit inside both people's working hours in both zones, at most two a day. */
export function suggestSlots(
  now: string,
  me: Party,
  them: Party,
  format: CatchUpFormat,
  options: { days?: number; limit?: number } = {},
): Slot[] {
  const rule = FORMAT_RULES[format];
  const days = options.days ?? 14;
  const limit = options.limit ?? 6;
  const myZone = safeZone(me.zone);
  const theirZone = safeZone(them.zone);
  const nowMs = Date.parse(now);
  // Nobody wants an invitation for right now: start at least an hour out, on a half hour.
  const earliest = Math.ceil((nowMs + HOUR_MS) / STEP_MS) * STEP_MS;
  const stop = nowMs + days * 86_400_000;
  const label = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL HH:mm');
  const firsts: Slot[] = [];
  const seconds: Slot[] = [];
  const myFirstDay = DateTime.fromMillis(nowMs, { zone: myZone }).startOf('day');
  for (let d = 0; d <= days; d++) {
    const myDay = myFirstDay.plus({ days: d });
    const mine = startWindow(myDay, me, rule, rule.minutes);
    if (!mine) continue;
    // My working day can straddle two of their local days.
    const theirDay = DateTime.fromMillis(mine.from, { zone: theirZone }).startOf('day');
    const starts: number[] = [];
    for (const td of [theirDay.minus({ days: 1 }), theirDay, theirDay.plus({ days: 1 })]) {
      const theirs = startWindow(td, them, rule, rule.minutes);
      if (!theirs) continue;
      const from = Math.max(mine.from, theirs.from, earliest);
      const by = Math.min(mine.by, theirs.by, stop);
      for (let t = Math.ceil(from / STEP_MS) * STEP_MS; t <= by; t += STEP_MS) starts.push(t);
    }
    if (starts.length === 0) continue;
    // One early slot and, when the overlap allows, one at least three hours later.
    const picks = [starts[0]!, starts.find((t) => t >= starts[0]! + 3 * HOUR_MS)].filter(
      (t): t is number => t !== undefined,
    );
    picks.forEach((t, i) => {
      const slot = {
        startAt: new Date(t).toISOString().replace('.000Z', 'Z'),
        endAt: new Date(t + rule.minutes * 60_000).toISOString().replace('.000Z', 'Z'),
        mine: label(t, myZone),
        theirs: label(t, theirZone),
      };
      (i === 0 ? firsts : seconds).push(slot);
    });
  }
  // Spread over days: one per day first, then second slots.
  return [...firsts, ...seconds].slice(0, limit).sort((a, b) => (a.startAt < b.startAt ? -1 : 1));
}
