import { DAY_MS, toIso, toMillis } from './instant';
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

/** A later interaction with its instant parsed and its retry step settled. */
interface Timed {
  direction: Direction;
  t: number;
  retryStep?: 1 | 2 | null;
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
  return stateAfter(
    start,
    byTime(later).filter((i) => i.t > start && i.t <= end),
    end,
  );
}

/**
 * The rule itself, on instants in milliseconds (`after`: the interactions after the outreach up to
 * now, in time order), formatting only the instant it answers with: the ISO round trips of each
 * step (add days, format, parse again) were most of the back-off time of a 100,000-contact Today.
 */
function stateAfter(start: number, after: readonly Timed[], end: number): BackOffState {
  if (after.some((i) => i.direction === 'inbound')) return { state: 'none' };
  const due1 = start + FIRST_RETRY_DAYS * DAY_MS;
  const skippedDue2 = due1 + SECOND_RETRY_DAYS * DAY_MS;
  // A retry only counts while its step is current; one sent after the schedule moved on cannot rewind it.
  const done1 = after.find((i) => i.direction === 'outbound' && i.retryStep === 1 && i.t < skippedDue2);
  // Retry 2 counts from when retry 1 was done, or from when it would have been due if it was skipped.
  const due2 = done1 ? done1.t + SECOND_RETRY_DAYS * DAY_MS : skippedDue2;
  const lapse = due2 + RETRY_LAPSE_DAYS * DAY_MS;
  const done2 = after.find((i) => i.direction === 'outbound' && i.retryStep === 2 && i.t < lapse);
  if (done2) return { state: 'fading', since: toIso(done2.t) };
  if (end >= lapse) return { state: 'fading', since: toIso(lapse) };
  if (!done1 && end < due2) return { state: 'retry', step: 1, dueAt: toIso(due1) };
  return { state: 'retry', step: 2, dueAt: toIso(due2) };
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
  const past: { e: HistoryEntry; t: number }[] = [];
  for (const e of history) {
    const t = ms(e.occurredAt);
    if (t <= end) past.push({ e, t });
  }
  past.sort((a, b) => a.t - b.t);
  let from = 0;
  for (let n = past.length - 1; n >= 0; n--)
    if (past[n]!.e.direction === 'inbound') {
      from = n + 1;
      break;
    }
  let start = -1;
  for (let n = from; n < past.length && start < 0; n++) if (past[n]!.e.awaitingReply) start = n;
  if (start < 0) return null;
  const startMs = past[start]!.t;
  const later: Timed[] = [];
  let sameInstant = false;
  for (let n = start + 1; n < past.length; n++) {
    const { e, t } = past[n]!;
    // A marked retry keeps its step; an unmarked message is the next one, never past the second.
    later.push({ direction: e.direction, t, retryStep: e.retryStep ?? (n === start + 1 ? 1 : 2) });
    if (t === startMs) sameInstant = true;
  }
  // Messages logged at the same instant as the outreach (one import, one click) still come after it.
  // Every later entry is after the outreach and up to now, in time order already.
  return stateAfter(sameInstant ? startMs - 1 : startMs, later, end);
}
