import { DateTime } from 'luxon';
import { type CaptureContext, decideCapture, normaliseAddress, type SkipReason } from './capture-rules';
import { safeZone } from './instant';
import type { Channel, Direction } from './vocabulary';

/** The largest calendar read, file or address (a busy work calendar of ten years is a few MB). */
export const ICS_SIZE_LIMIT = 20 * 1024 ** 2;

/** How far ahead a meeting puts its people on Today (F30): the brief is worth reading the day before. */
export const MEETING_AHEAD_MS = 36 * 3_600_000;

/** The part of a calendar occurrence the rules read. */
export interface MeetingShape {
  organizer: string | null;
  attendees: readonly { address: string; partstat: string }[];
  cancelled: boolean;
  online: boolean;
}

export type MeetingSkipReason = SkipReason | 'declined' | 'cancelled';

export type MeetingDecision =
  | { kind: 'capture'; direction: Direction; channel: Channel; contactIds: string[] }
  | { kind: 'skip'; reason: MeetingSkipReason; strangers: string[] };

/**
 * Decides whether a meeting becomes interactions, with whom — or why not. Everyone in the meeting
 * is met (not only the organizer), so the address rules are mail's for a message the user sent to
 * all of them: own addresses, excluded domains, "don't capture" contacts, more than 20 people.
 */
export function decideMeeting(meeting: MeetingShape, ctx: CaptureContext): MeetingDecision {
  if (meeting.cancelled) return { kind: 'skip', reason: 'cancelled', strangers: [] };
  const declined = meeting.attendees.some(
    (a) => a.partstat === 'DECLINED' && ctx.own.has(normaliseAddress(a.address)),
  );
  if (declined) return { kind: 'skip', reason: 'declined', strangers: [] };
  const everyone = [
    ...(meeting.organizer ? [meeting.organizer] : []),
    ...meeting.attendees.map((a) => a.address),
  ];
  const d = decideCapture({ from: null, to: everyone, cc: [], bulk: false, sent: true }, ctx);
  if (d.kind === 'skip') return d;
  const mine = meeting.organizer === null || ctx.own.has(normaliseAddress(meeting.organizer));
  return {
    kind: 'capture',
    direction: mine ? 'outbound' : 'inbound',
    channel: meeting.online ? 'video' : 'in_person',
    contactIds: d.contactIds,
  };
}

/** "Meeting tomorrow at 10:00 — read the brief", the day and time in `zone` (the contact's or the user's). */
export function describeMeeting(startsAt: string, allDay: boolean, now: string, zone: string | null): string {
  const z = safeZone(zone);
  const start = DateTime.fromISO(startsAt, { zone: z });
  const today = DateTime.fromISO(now, { zone: z }).startOf('day');
  const days = Math.round(start.startOf('day').diff(today, 'days').days);
  const day = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${start.toFormat('cccc')}`;
  return `Meeting ${day}${allDay ? '' : ` at ${start.toFormat('HH:mm')}`} — read the brief`;
}
