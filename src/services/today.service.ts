import { DateTime } from 'luxon';
import type { ActionResult, DoneBody, SnoozeBody, Today, TodayItem, TodayQuery } from '../contract/today';
import { type BackOffState, backOffOfHistory } from '../core/back-off';
import { NotFound } from '../core/errors';
import { datePairs } from '../core/important-dates';
import { skipUntil, TODAY_DEFAULTS, type TodayContact, todayQueue } from '../core/today-queue';
import { describeReason } from '../core/today-reasons';
import { findAccount, todayAccountSettings } from '../store/accounts.repo';
import { findCircle } from '../store/circles.repo';
import { findContact } from '../store/contacts.repo';
import { decodeWorkingHours } from '../store/json-columns';
import type { Conn } from '../store/store';
import { closeDueTasks } from '../store/tasks.repo';
import {
  contactHistorySince,
  type HistoryRow,
  loadTodayRows,
  type TodayRows,
  todayCandidates,
} from '../store/today.repo';
import { type DecisionKind, replaceDecision } from '../store/today-decisions.repo';
import { contactCadence } from './contact-dto';
import type { Deps } from './deps';
import { logInteractionIn } from './interactions.service';
import { TODAY_EXTENSIONS } from './today-extensions';

const DAY = 86_400_000;
/**
 * Each reason brings at most this many candidates, strongest first (most overdue, nearest date,
 * freshest news, earliest task, oldest unanswered outreach). The queue shows its daily size and up
 * to MORE_LIMIT more, so the top is the same as ranking everyone unless more than this many
 * contacts share one reason's top score; it keeps Today at a few hundred rows on a 100,000-contact
 * network (bench/RESULTS.md).
 */
export const CANDIDATES_PER_REASON = 40;
const MORE_LIMIT = 30;
// An unanswered outreach matters for retries from 21 days until its back-off has surely ended.
const RETRY_MIN_DAYS = 21;
const RETRY_MAX_DAYS = 220;

const iso = (ms: number) => new Date(ms).toISOString();

/** F17: the back-off state of the unanswered run of outreach in a history, or null if none waits. */
function backOffOf(history: readonly HistoryRow[], now: string): BackOffState | null {
  // Most candidates await no reply: backOffOfHistory would say null after copying their history.
  if (!history.some((i) => i.awaiting_reply === 1)) return null;
  return backOffOfHistory(
    history.map((i) => ({
      direction: i.direction,
      occurredAt: i.occurred_at,
      awaitingReply: i.awaiting_reply === 1,
      retryStep: i.retry_step === 1 || i.retry_step === 2 ? i.retry_step : null,
    })),
    now,
  );
}

function toTodayContacts(rows: TodayRows, now: string, capSince: number): TodayContact[] {
  const circles = new Map(rows.circles.map((c) => [c.id, c]));
  const group = <T extends { contact_id: string | null }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of list) {
      if (!r.contact_id) continue;
      // Push, not spread: copying the list on every row made grouping quadratic in a contact's rows.
      const rows = m.get(r.contact_id);
      if (rows) rows.push(r);
      else m.set(r.contact_id, [r]);
    }
    return m;
  };
  const dates = group(rows.dates);
  const events = group(rows.events);
  const tasks = group(rows.tasks);
  const recent = group(rows.recent);
  const decisions = new Map(rows.decisions.map((d) => [d.contact_id, d.until_at]));
  // Most contacts share a few working-hours texts: each is parsed and checked once per call.
  const hours = new Map<string | null, ReturnType<typeof decodeWorkingHours>>();
  const hoursOf = (json: string | null) => {
    let h = hours.get(json);
    if (h === undefined) {
      h = decodeWorkingHours(json, 'contacts.working_hours');
      hours.set(json, h);
    }
    return h;
  };
  return rows.contacts.map((c) => {
    const history = recent.get(c.id) ?? [];
    if (history.length > 1) history.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : 1));
    const recentOutboundAt: string[] = [];
    for (const i of history)
      if (i.direction === 'outbound' && Date.parse(i.occurred_at) >= capSince)
        recentOutboundAt.push(i.occurred_at);
    const backOff = backOffOf(history, now);
    const until = decisions.get(c.id) ?? null;
    return {
      id: c.id,
      name: `${c.first_name} ${c.last_name}`.trim(),
      zone: c.time_zone,
      workingHours: hoursOf(c.working_hours),
      preferredChannel: c.preferred_channel,
      cadence: contactCadence(c, c.circle_id ? circles.get(c.circle_id) : null),
      tracked: c.tracked === 1,
      lastMeaningfulAt: c.last_meaningful_at,
      createdAt: c.created_at,
      lastReplyChannel: c.last_reply_channel,
      importantDates: (dates.get(c.id) ?? []).map((d) => ({
        kind: d.kind,
        month: d.month,
        day: d.day,
        year: d.year,
        leadDays: d.lead_days,
      })),
      lifeEvents: (events.get(c.id) ?? []).map((e) => ({
        kind: e.kind,
        date: e.occurred_on,
      })),
      tasks: (tasks.get(c.id) ?? []).map((t) => ({
        id: t.id,
        kind: t.kind,
        title: t.title,
        dueAt: t.due_at,
        done: false,
      })),
      backOff,
      snoozedUntil: until,
      skippedUntil: null,
      recentOutboundAt,
      lastInboundAt: c.last_inbound_at,
    } satisfies TodayContact;
  });
}

/** F5: the ranked, explained queue for `now` (default: the clock), read through indexes only. */
export async function getToday(deps: Deps, accountId: string, query: TodayQuery = {}): Promise<Today> {
  const db = deps.store.read;
  const account = await todayAccountSettings(db, accountId);
  const nowMs = query.now ? Date.parse(query.now) : deps.clock().getTime();
  const now = iso(nowMs);
  const size = query.size ?? account?.daily_size ?? TODAY_DEFAULTS.size;
  const taskHorizon = iso(nowMs + TODAY_DEFAULTS.taskHorizonHours * 3_600_000);
  const lifeEventsSince = iso(nowMs - (TODAY_DEFAULTS.lifeEventDays + 1) * DAY).slice(0, 10);
  const retryFrom = iso(nowMs - RETRY_MAX_DAYS * DAY);
  const capSince = nowMs - TODAY_DEFAULTS.capDays * DAY;
  const context = { timeZone: account?.time_zone ?? null };
  const extra = (await Promise.all(TODAY_EXTENSIONS.map((e) => e(deps, accountId, now, context)))).flat();
  const candidates = await todayCandidates(db, accountId, {
    now,
    perReason: Math.max(CANDIDATES_PER_REASON, size + MORE_LIMIT),
    taskHorizon,
    datePairs: datePairs(nowMs),
    lifeEventsSince,
    retryFrom,
    retryTo: iso(nowMs - RETRY_MIN_DAYS * DAY),
  });
  const ids = [...new Set([...candidates.all, ...extra.map((e) => e.contactId)])];
  const rows = await loadTodayRows(db, accountId, ids, {
    taskHorizon,
    lifeEventsSince,
    recentSince: iso(capSince),
    retryIds: candidates.retry,
    retryFrom,
  });
  const queue = todayQueue({ contacts: toTodayContacts(rows, now, capSince), extensions: extra }, now, {
    size,
    moreLimit: MORE_LIMIT,
  });
  const byId = new Map(rows.contacts.map((c) => [c.id, c]));
  const dto = (item: (typeof queue.items)[number]): TodayItem => ({
    contactId: item.contactId,
    name: item.name,
    company: byId.get(item.contactId)?.company ?? null,
    title: byId.get(item.contactId)?.title ?? null,
    score: item.score,
    headline: item.headline,
    reasons: item.reasons.map((r): TodayItem['reasons'][number] => ({ ...r, text: describeReason(r) })),
    channel: item.channel,
    sendWindow: item.sendWindow,
    nextDueAt: item.nextDueAt,
  });
  return {
    now,
    size,
    items: queue.items.map(dto),
    more: queue.more.map(dto),
    moreCount: queue.moreCount,
  };
}

async function decide(
  db: Conn,
  accountId: string,
  contactId: string,
  kind: DecisionKind,
  until: string,
  now: string,
) {
  await replaceDecision(db, {
    account_id: accountId,
    contact_id: contactId,
    kind,
    until_at: until,
    created_at: now,
  });
  return { contactId, kind, until };
}

async function contactOrThrow(db: Conn, accountId: string, contactId: string) {
  const c = await findContact(db, accountId, contactId);
  if (!c) throw new NotFound('contact not found');
  return c;
}

/** Done: logs the interaction if asked (which resets the cadence) and closes the contact's due follow-ups, in one transaction. */
export async function markDone(
  deps: Deps,
  accountId: string,
  contactId: string,
  body: DoneBody,
): Promise<ActionResult> {
  const db = deps.store.read;
  await contactOrThrow(db, accountId, contactId);
  const nowMs = deps.clock().getTime();
  const now = iso(nowMs);
  // A logged touch that answers a due retry is recorded as that retry step (F17); only this
  // contact's recent history is needed for that, not the whole queue.
  const backOff = backOffOf(
    await contactHistorySince(db, accountId, contactId, iso(nowMs - RETRY_MAX_DAYS * DAY)),
    now,
  );
  const retryStep = backOff?.state === 'retry' && backOff.dueAt <= now ? backOff.step : 0;
  // One transaction: a failure after the log must not leave it logged with the tasks still open
  // (a retry by the user would then log the same touch twice).
  return deps.store.transaction(async (trx) => {
    const logged = body.log
      ? await logInteractionIn(deps, trx, accountId, contactId, body.log, retryStep)
      : null;
    const closed = await closeDueTasks(
      trx,
      accountId,
      contactId,
      iso(nowMs + TODAY_DEFAULTS.taskHorizonHours * 3_600_000),
      now,
    );
    // Without a log, "done" hides the contact until tomorrow; a logged touch moves the due date itself.
    const account = await findAccount(trx, accountId);
    const tomorrow = DateTime.fromMillis(nowMs, { zone: account?.time_zone ?? 'utc' })
      .plus({ days: 1 })
      .startOf('day');
    const decision = logged
      ? null
      : await decide(trx, accountId, contactId, 'done', tomorrow.toUTC().toISO()!, now);
    return { decision, loggedInteractionId: logged?.id ?? null, tasksDone: closed };
  });
}

/** Snooze: not before `until` (a date means the start of that day in the user's zone). */
export async function snooze(
  deps: Deps,
  accountId: string,
  contactId: string,
  body: SnoozeBody,
): Promise<ActionResult> {
  const db = deps.store.read;
  await contactOrThrow(db, accountId, contactId);
  const account = await findAccount(db, accountId);
  const until =
    body.until.length === 10
      ? DateTime.fromISO(body.until, { zone: account?.time_zone ?? 'utc' })
          .toUTC()
          .toISO()!
      : iso(Date.parse(body.until));
  return {
    decision: await decide(db, accountId, contactId, 'snooze', until, iso(deps.clock().getTime())),
    loggedInteractionId: null,
    tasksDone: 0,
  };
}

/** Skip this cycle: hidden until one cadence interval from now. */
export async function skip(deps: Deps, accountId: string, contactId: string): Promise<ActionResult> {
  const db = deps.store.read;
  const c = await contactOrThrow(db, accountId, contactId);
  const circle = c.circle_id ? await findCircle(db, accountId, c.circle_id) : undefined;
  const now = iso(deps.clock().getTime());
  const cadence = contactCadence(c, circle);
  return {
    decision: await decide(db, accountId, contactId, 'skip', skipUntil(cadence, now), now),
    loggedInteractionId: null,
    tasksDone: 0,
  };
}
