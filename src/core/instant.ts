import { DateTime, IANAZone } from 'luxon';

/** Milliseconds in one day; cadence and back-off arithmetic counts elapsed time, not calendar days. */
export const DAY_MS = 86_400_000;

/** Parses a UTC ISO-8601 string into a UTC DateTime; throws on garbage so bad data fails loudly in core. */
export function instant(iso: string): DateTime<true> {
  const dt = DateTime.fromISO(iso, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return dt;
}

/** Returns the IANA zone when Luxon knows it, else UTC, so one bad profile field never breaks the queue. */
export function safeZone(zone: string | null | undefined): string {
  if (!zone) return 'utc';
  return zone.toLowerCase() === 'utc' || IANAZone.isValidZone(zone) ? zone : 'utc';
}

/** The instant seen in the contact's zone (UTC when the zone is unknown). */
export function inZone(iso: string, zone: string | null | undefined): DateTime<true> {
  return instant(iso).setZone(safeZone(zone)) as DateTime<true>;
}

/** Whole days elapsed from `from` to `to` (negative when `to` is earlier), floored. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((instant(to).toMillis() - instant(from).toMillis()) / DAY_MS);
}

/** Adds elapsed days to an instant and returns UTC ISO; elapsed (not calendar) days keep it zone-independent. */
export function addDays(iso: string, days: number): string {
  return toIso(instant(iso).toMillis() + days * DAY_MS);
}

/** Formats epoch milliseconds as a UTC ISO-8601 string with milliseconds and a Z suffix. */
export function toIso(millis: number): string {
  return new Date(millis).toISOString();
}
