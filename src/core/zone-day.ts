import { DateTime } from 'luxon';

/** One local calendar day of a zone: its date and the UTC span [startMs, endMs) it covers. */
export interface ZoneDay {
  year: number;
  month: number;
  day: number;
  startMs: number;
  endMs: number;
}

// One entry per zone: the day last asked for. Every contact in a zone shares "today" for 23–25
// hours, so a Today request costs one Luxon conversion per zone per day instead of one per call
// (the zone offset lookup was 16 % of Today's CPU, issue 15).
const days = new Map<string, ZoneDay>();

/** The local day of `zone` (a zone Luxon knows: core/instant's safeZone) containing the instant `ms`, memoized per zone. */
export function zoneDay(ms: number, z: string): ZoneDay {
  const known = days.get(z);
  if (known && ms >= known.startMs && ms < known.endMs) return known;
  const found = zoneDayDirect(ms, z);
  // Only a span that holds `ms` is kept, so a zone whose clocks could step back across midnight
  // (a date in two pieces) is computed afresh rather than answered from the wrong piece.
  if (ms >= found.startMs && ms < found.endMs) {
    if (days.size > 1000) days.clear();
    days.set(z, found);
  }
  return found;
}

/** zoneDay without the memo: Luxon's start of this local day and of the next (exported for tests). */
export function zoneDayDirect(ms: number, zone: string): ZoneDay {
  const local = DateTime.fromMillis(ms, { zone });
  // startOf('day') is the first instant of the date even where midnight does not exist (a DST
  // change at 00:00 starts the day at 01:00).
  const start = local.startOf('day');
  const next = start.plus({ days: 1 }).startOf('day');
  return {
    year: local.year,
    month: local.month,
    day: local.day,
    startMs: start.toMillis(),
    endMs: next.toMillis(),
  };
}
