import { describeMeeting, MEETING_AHEAD_MS } from '../core/meeting-capture';
import { type ExtensionReason, TODAY_WEIGHTS, type TodayContext } from '../core/today-reasons';
import { findAccount } from '../store/accounts.repo';
import { meetingsBetween } from '../store/calendar-meetings.repo';
import type { Deps } from './deps';

const MAX_REASONS = 40;

/**
 * F30 Today reasons: "Meeting tomorrow at 10:00 — read the brief" for each contact in a calendar
 * meeting of the next 36 hours (the calendar sources' last sync), the time in the user's zone,
 * where the user will be when it starts. One reason per contact: their next meeting.
 */
export async function meetingTodayReasons(
  deps: Deps,
  accountId: string,
  now: string,
  context?: TodayContext,
): Promise<ExtensionReason[]> {
  const db = deps.store.read;
  const until = new Date(Date.parse(now) + MEETING_AHEAD_MS).toISOString();
  const rows = await meetingsBetween(db, accountId, now, until, MAX_REASONS * 2);
  if (rows.length === 0) return [];
  const zone = context ? context.timeZone : ((await findAccount(db, accountId))?.time_zone ?? null);
  const seen = new Set<string>();
  const reasons: ExtensionReason[] = [];
  for (const m of rows) {
    if (seen.has(m.contact_id) || reasons.length >= MAX_REASONS) continue;
    seen.add(m.contact_id);
    reasons.push({
      kind: 'meeting',
      contactId: m.contact_id,
      detail: describeMeeting(m.starts_at, m.all_day === 1, now, zone),
      weight: TODAY_WEIGHTS.meeting,
    });
  }
  return reasons;
}
