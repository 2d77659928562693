import { DateTime } from 'luxon';
import { DAY_MS, inZone, safeZone, toIso, toMillis } from './instant';
import type { WorkingHours } from './vocabulary';

/** F19 default: no second outreach within 14 days unless they wrote back in between. */
export const DEFAULT_CAP_DAYS = 14;

/** What the frequency cap needs to know about recent contact. */
export interface CapHistory {
  recentOutboundAt: readonly string[];
  lastInboundAt: string | null;
}

/** F19: true when the user reached out within `capDays` and the contact has not reached out since. */
export function capBlocks(history: CapHistory, now: string, capDays: number = DEFAULT_CAP_DAYS): boolean {
  const end = toMillis(now);
  // A loop, not map, filter and a spread into Math.max: this runs for every Today candidate.
  let last = Number.NEGATIVE_INFINITY;
  for (const iso of history.recentOutboundAt) {
    const t = toMillis(iso);
    if (t <= end && t > last) last = t;
  }
  if (!Number.isFinite(last) || end - last >= capDays * DAY_MS) return false;
  const inbound = history.lastInboundAt ? toMillis(history.lastInboundAt) : -Infinity;
  return !(inbound > last && inbound <= end);
}

/** A span inside the contact's working hours, as UTC instants plus labels in the contact's zone. */
export interface SendWindow {
  startAt: string;
  endAt: string;
  zone: string;
  /** Local date, yyyy-MM-dd. */
  localDate: string;
  /** Local wall-clock start and end, HH:mm. */
  localStart: string;
  localEnd: string;
  /** e.g. "Tue 3 Jun 09:00–17:30 (Europe/Paris)". */
  label: string;
}

function minutesOf(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 && h * 60 + min <= 24 * 60 ? h * 60 + min : null;
}

// Builds a wall-clock time on a local day; Luxon moves a time inside a DST gap forward, which stays in hours.
function at(day: DateTime, minutes: number): DateTime {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/**
 * What one sendWindow answer stays true for: the window found at `from` is the answer at every
 * instant up to its start (nothing opens earlier, or it would have been found), and inside an open
 * window only the start moves with the clock: its wall time is `offsetMs` ahead of UTC, where the
 * offset is the same at the window's open and close.
 */
type Memo =
  | { kind: 'ahead'; from: number; until: number; window: SendWindow }
  | { kind: 'open'; from: number; until: number; offsetMs: number; window: SendWindow; dayLabel: string };

// Per (zone, hours): a Today request asks for ~40 windows in as many zones, and each cost a dozen
// Luxon zone-offset lookups; with this memo a zone costs that once per window instead of per call.
const memo = new Map<string, Memo>();

const pad = (n: number) => String(n).padStart(2, '0');

function fromMemo(m: Memo, t: number): SendWindow | null {
  if (t < m.from || t >= m.until) return null;
  if (m.kind === 'ahead') return { ...m.window };
  const minutes = Math.floor(((((t + m.offsetMs) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  const hhmm = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return {
    ...m.window,
    startAt: toIso(t),
    localStart: hhmm,
    label: `${m.dayLabel} ${hhmm}–${m.window.localEnd} (${m.window.zone})`,
  };
}

/** F19: the next window inside the contact's working hours (now if already inside); null if hours are unusable. */
export function sendWindow(
  now: string,
  zone: string | null | undefined,
  hours: WorkingHours,
): SendWindow | null {
  const t = toMillis(now);
  const key = `${zone ?? ''}|${hours.start}|${hours.end}|${hours.days.join(',')}`;
  const known = memo.get(key);
  const hit = known ? fromMemo(known, t) : null;
  if (hit) return hit;
  const found = sendWindowDirect(now, zone, hours);
  const next = found ? memoOf(found, t) : null;
  if (next) {
    if (memo.size > 1000) memo.clear();
    memo.set(key, next);
  }
  return found;
}

// Zone offsets change at most twice a year; probing every 12 h finds any change in a span.
const PROBE_MS = 12 * 3_600_000;

/** The zone's UTC offset (minutes) if it is the same throughout [from, to), else null. */
function steadyOffset(zone: string, from: number, to: number): number | null {
  const offset = DateTime.fromMillis(from, { zone }).offset;
  for (let at = from + PROBE_MS; at < to; at += PROBE_MS)
    if (DateTime.fromMillis(at, { zone }).offset !== offset) return null;
  return DateTime.fromMillis(to - 1, { zone }).offset === offset ? offset : null;
}

/**
 * Only a span without a clock change is memoized: across one, Luxon resolves a repeated or
 * skipped wall time by the offset at hand, so the same day's window can differ by an hour
 * depending on when it is asked (the property test found it on a New York fall-back night).
 */
function memoOf(w: SendWindow, t: number): Memo | null {
  const start = toMillis(w.startAt);
  const end = toMillis(w.endAt);
  const offset = steadyOffset(w.zone, t, end);
  if (offset === null) return null;
  if (start > t) return { kind: 'ahead', from: t, until: start, window: w };
  const dayLabel = DateTime.fromMillis(t, { zone: w.zone }).toFormat('ccc d LLL', { locale: 'en-GB' });
  return { kind: 'open', from: t, until: end, offsetMs: offset * 60_000, window: w, dayLabel };
}

/** sendWindow without the memo (exported for the property test that compares the two). */
export function sendWindowDirect(
  now: string,
  zone: string | null | undefined,
  hours: WorkingHours,
): SendWindow | null {
  const z = safeZone(zone);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const days = new Set(hours.days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  // Overnight shifts are not modelled; refusing is safer than suggesting 3 a.m.
  if (start === null || end === null || end <= start || days.size === 0) return null;
  const local = inZone(now, z);
  for (let offset = 0; offset <= 7; offset++) {
    const day = local.plus({ days: offset });
    if (!days.has(day.weekday)) continue;
    const open = at(day, start);
    const close = end === 24 * 60 ? day.startOf('day').plus({ days: 1 }) : at(day, end);
    const localEnd = end === 24 * 60 ? '24:00' : close.toFormat('HH:mm');
    if (close <= local) continue;
    const from = DateTime.max(open, local);
    return {
      startAt: toIso(from.toMillis()),
      endAt: toIso(close.toMillis()),
      zone: z,
      localDate: from.toISODate() ?? '',
      localStart: from.toFormat('HH:mm'),
      localEnd,
      label: `${from.toFormat('ccc d LLL HH:mm', { locale: 'en-GB' })}–${localEnd} (${z})`,
    };
  }
  return null;
}
