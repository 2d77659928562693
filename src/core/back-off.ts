import { addDays, toIso, toMillis } from './instant';
import type { Direction } from './vocabulary';

/** Where an unanswered outreach stands: nothing to do, a light retry (at most two), or fading. */
export type BackOffState =
  | { state: 'none' }
  | { state: 'retry'; step: 1 | 2; dueAt: string }
  | { state: 'fading'; since: string };

/** The outreach being watched (the latest outbound marked awaiting reply). */
export interface Outreach {
  occurredAt: string;
  awaitingReply: boolean;
}

/** A later interaction with the same contact; `retryStep` marks an outbound sent as retry 1 or 2. */
export interface LaterInteraction {
  direction: Direction;
  occurredAt: string;
  retryStep?: 1 | 2 | null;
}

/** Weeks, then months (F17): a first nudge three weeks out, a second two months after that. */
export const FIRST_RETRY_DAYS = 21;
export const SECOND_RETRY_DAYS = 60;
// A retry left undone this long lapses, so an ignored reminder never lingers as nagging.
export const RETRY_LAPSE_DAYS = 60;

const ms = toMillis;

/**
 * The entries with their instants, in time order (a stable sort: equal instants keep their order).
 * Each instant is parsed once: a comparator that parsed both sides was most of Today's back-off
 * time on the demo network.
 */
function byTime<T extends { occurredAt: string }>(list: readonly T[]): (T & { t: number })[] {
  return list.map((i) => ({ ...i, t: ms(i.occurredAt) })).sort((a, b) => a.t - b.t);
}

/** F17: the back-off state of an outreach at `now`; any inbound after it resets, never more than two retries. */
export function backOffState(
  outreach: Outreach,
  later: readonly LaterInteraction[],
  now: string,
): BackOffState {
  if (!outreach.awaitingReply) return { state: 'none' };
  const start = ms(outreach.occurredAt);
  const end = ms(now);
  const after = byTime(later).filter((i) => i.t > start && i.t <= end);
  if (after.some((i) => i.direction === 'inbound')) return { state: 'none' };

  const due1 = addDays(outreach.occurredAt, FIRST_RETRY_DAYS);
  const skippedDue2 = addDays(due1, SECOND_RETRY_DAYS);
  // A retry only counts while its step is current; one sent after the schedule moved on cannot rewind it.
  const done1 = after.find(
    (i) => i.direction === 'outbound' && i.retryStep === 1 && ms(i.occurredAt) < ms(skippedDue2),
  );
  // Retry 2 counts from when retry 1 was done, or from when it would have been due if it was skipped.
  const due2 = done1 ? addDays(done1.occurredAt, SECOND_RETRY_DAYS) : skippedDue2;
  const lapse = addDays(due2, RETRY_LAPSE_DAYS);
  const done2 = after.find(
    (i) => i.direction === 'outbound' && i.retryStep === 2 && ms(i.occurredAt) < ms(lapse),
  );
  if (done2) return { state: 'fading', since: toIso(ms(done2.occurredAt)) };
  if (end >= ms(lapse)) return { state: 'fading', since: lapse };
  if (!done1 && end < ms(due2)) return { state: 'retry', step: 1, dueAt: due1 };
  return { state: 'retry', step: 2, dueAt: due2 };
}

/** One interaction of a contact's history, as back-off reads it. */
export interface HistoryEntry {
  direction: Direction;
  occurredAt: string;
  awaitingReply: boolean;
  retryStep?: 1 | 2 | null;
}

/**
 * F17 over a contact's history: the first awaited outreach since their last reply is watched, and
 * every later outbound message counts as the next retry, whether it was captured, logged by hand,
 * or sent from Today — so three unanswered messages are an outreach and two retries, and Today
 * never asks for a fourth. Null when nothing waits.
 */
export function backOffOfHistory(history: readonly HistoryEntry[], now: string): BackOffState | null {
  // Without an awaited outreach anywhere there is nothing to watch: most of Today's contacts, whose
  // histories were otherwise parsed and sorted for nothing.
  if (!history.some((i) => i.awaitingReply)) return null;
  const end = ms(now);
  const past = byTime(history).filter((i) => i.t <= end);
  let lastInbound = -1;
  past.forEach((i, n) => {
    if (i.direction === 'inbound') lastInbound = n;
  });
  const run = past.slice(lastInbound + 1);
  const start = run.findIndex((i) => i.awaitingReply);
  if (start < 0) return null;
  let count = 0;
  const startMs = run[start]!.t;
  const later = run.slice(start + 1).map((i): LaterInteraction => {
    count++;
    // A marked retry keeps its step; an unmarked message is the next one, never past the second.
    const step = i.retryStep ?? (count === 1 ? 1 : 2);
    return { direction: i.direction, occurredAt: i.occurredAt, retryStep: step };
  });
  // Messages logged at the same instant as the outreach (one import, one click) still come after it.
  const sameInstant = run.slice(start + 1).some((i) => i.t === startMs);
  const outreachAt = sameInstant ? toIso(startMs - 1) : run[start]!.occurredAt;
  return backOffState({ occurredAt: outreachAt, awaitingReply: true }, later, now);
}
