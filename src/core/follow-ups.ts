import { DateTime } from 'luxon';
import { safeZone, toIso, toMillis } from './instant';
import { isOneOf } from './one-of';
import type { Channel, TaskKind } from './vocabulary';

const HOUR_MS = 3_600_000;

/** A task the service should create; the window says when sending it feels natural, dueAt when it is due. */
export interface FollowUpTask {
  kind: Extract<TaskKind, 'follow_up' | 'takeaway'>;
  dueAt: string;
  windowStart: string;
  windowEnd: string;
  title: string;
}

/** Channels where the user actually met the person, so a takeaway note is worth sending (F6). */
export const MEETING_CHANNELS = ['in_person', 'video', 'call', 'event'] as const satisfies readonly Channel[];

// A date-only "met on" means "some time that day": anchor on local midnight in the contact's zone.
function metOnInstant(metOn: string, zone: string | null | undefined): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(metOn)) {
    const local = DateTime.fromISO(metOn, { zone: safeZone(zone) });
    if (!local.isValid) throw new RangeError(`not a date: ${metOn}`);
    return local.toMillis();
  }
  return toMillis(metOn);
}

/** F6: the follow-up for a newly met contact, window 24–48 h after meeting, due in the middle (36 h). */
export function followUpForNewContact(metOn: string, name: string, zone?: string | null): FollowUpTask {
  const at = metOnInstant(metOn, zone);
  return {
    kind: 'follow_up',
    // Within 24–48 h the meeting is fresh for both sides but the note does not look automated.
    windowStart: toIso(at + 24 * HOUR_MS),
    dueAt: toIso(at + 36 * HOUR_MS),
    windowEnd: toIso(at + 48 * HOUR_MS),
    title: `Follow up with ${name} after meeting`,
  };
}

/** F6: after a logged meeting, a "send the takeaway" task due within 24 h; null for non-meeting channels. */
export function takeawayTask(meeting: { channel: Channel; occurredAt: string }): FollowUpTask | null {
  if (!isOneOf(MEETING_CHANNELS, meeting.channel)) return null;
  const at = toMillis(meeting.occurredAt);
  return {
    kind: 'takeaway',
    windowStart: toIso(at),
    dueAt: toIso(at + 24 * HOUR_MS),
    windowEnd: toIso(at + 24 * HOUR_MS),
    title: 'Send a short follow-up with the takeaway',
  };
}
