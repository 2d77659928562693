import { DateTime, IANAZone } from 'luxon';
import { utcIso } from './utc-iso';
import { zoneDay } from './zone-day';

/** Milliseconds in one day; cadence and back-off arithmetic counts elapsed time, not calendar days. */
export const DAY_MS = 86_400_000;

// Strict ISO with an explicit offset (or a bare date, which ECMAScript reads as UTC): Date.parse is then
// exact and ~50× faster than Luxon, which matters when the queue scans 30k contacts.
const STRICT_ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

let lastIso = '';
let lastMs = Number.NaN;

/** Epoch milliseconds of an ISO-8601 instant (no offset = UTC); throws on garbage so bad data fails loudly. */
export function toMillis(iso: string): number {
  // Today parses the same `now` once per contact and reason (over a thousand times a call at
  // 100,000 contacts): the last canonical instant parsed is kept, a pure memo of one string.
  if (iso === lastIso) return lastMs;
  // Fast path for the canonical form every stored time has (toISOString): no regex needed.
  if (iso.length === 24 && iso.charCodeAt(23) === 90 && iso.charCodeAt(10) === 84) {
    const fast = Date.parse(iso);
    if (!Number.isNaN(fast)) {
      lastIso = iso;
      lastMs = fast;
      return fast;
    }
  }
  const t = STRICT_ISO.test(iso) ? Date.parse(iso) : DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return t;
}

/** A DateTime from checked milliseconds in a known zone is valid; the check lets the type say so. */
function valid(dt: DateTime<true> | DateTime<false>, iso: string): DateTime<true> {
  if (!dt.isValid) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return dt;
}

/** Parses an ISO-8601 instant into a UTC DateTime. */
export function instant(iso: string): DateTime<true> {
  return valid(DateTime.fromMillis(toMillis(iso), { zone: 'utc' }), iso);
}

// Zone validation builds an Intl formatter (~80 µs); the set of zones in one network is small.
const zoneCache = new Map<string, string>();

/** Returns the IANA zone when Luxon knows it, else UTC, so one bad profile field never breaks the queue. */
export function safeZone(zone: string | null | undefined): string {
  if (!zone) return 'utc';
  let known = zoneCache.get(zone);
  if (known === undefined) {
    known = zone.toLowerCase() === 'utc' || IANAZone.isValidZone(zone) ? zone : 'utc';
    if (zoneCache.size > 1000) zoneCache.clear();
    zoneCache.set(zone, known);
  }
  return known;
}

/** The instant seen in the contact's zone (UTC when the zone is unknown). */
export function inZone(iso: string, zone: string | null | undefined): DateTime<true> {
  return valid(DateTime.fromMillis(toMillis(iso), { zone: safeZone(zone) }), iso);
}

/** A calendar date without a zone. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The contact's local calendar date at `now` (one Luxon conversion per zone and local day: core/zone-day). */
export function localDate(now: string, zone: string | null | undefined): Ymd {
  const { year, month, day } = zoneDay(toMillis(now), safeZone(zone));
  return { year, month, day };
}

/** Calendar days from a to b via UTC midnights, so a 23 h or 25 h DST day still counts as one. */
export function calendarDays(a: Ymd, b: Ymd): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Whole days elapsed from `from` to `to` (negative when `to` is earlier), floored. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((toMillis(to) - toMillis(from)) / DAY_MS);
}

/** Adds elapsed days to an instant and returns UTC ISO; elapsed (not calendar) days keep it zone-independent. */
export function addDays(iso: string, days: number): string {
  return toIso(toMillis(iso) + days * DAY_MS);
}

/** Formats epoch milliseconds as a UTC ISO-8601 string with milliseconds and a Z suffix. */
export function toIso(millis: number): string {
  return utcIso(millis);
}
