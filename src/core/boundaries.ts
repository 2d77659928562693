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
  const last = Math.max(
    -Infinity,
    ...history.recentOutboundAt.map((iso) => toMillis(iso)).filter((t) => t <= end),
  );
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

/** F19: the next window inside the contact's working hours (now if already inside); null if hours are unusable. */
export function sendWindow(
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
