import type { Interaction, InteractionCreate, InteractionPatch } from '../contract/interactions';
import { NotFound } from '../core/errors';
import { takeawayTask } from '../core/follow-ups';
import { findContact } from '../store/contacts.repo';
import type { NewRow } from '../store/database';
import {
  deleteInteraction,
  findInteraction,
  type InteractionChanges,
  type InteractionRow,
  insertInteraction,
  insertInteractions,
  listInteractions,
  updateInteraction,
} from '../store/interactions.repo';
import type { Conn } from '../store/store';
import { insertTask } from '../store/tasks.repo';
import { type Deps, nowIso } from './deps';
import { refreshSchedule, refreshSchedules } from './schedule';

export function toInteractionDto(r: InteractionRow): Interaction {
  return {
    id: r.id,
    contactId: r.contact_id,
    channel: r.channel,
    direction: r.direction,
    occurredAt: r.occurred_at,
    summary: r.summary,
    topics: r.topics,
    awaitingReply: r.awaiting_reply === 1,
    createdAt: r.created_at,
  };
}

const iso = (s: string) => new Date(s).toISOString();

/** Logs an interaction; the contact's schedule and any takeaway follow-up change in the same transaction. */
export async function logInteraction(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: InteractionCreate,
  /** Set when this outreach is retry 1 or 2 of an unanswered one (F17). */
  retryStep = 0,
): Promise<Interaction> {
  return deps.store.transaction((trx) => logInteractionIn(deps, trx, accountId, contactId, input, retryStep));
}

/**
 * logInteraction inside the caller's transaction, for services that write more beside it (Today's
 * done, a catch-up done, a ledger entry): one transaction, so a failure leaves none of it behind.
 */
export async function logInteractionIn(
  deps: Deps,
  trx: Conn,
  accountId: string,
  contactId: string,
  input: InteractionCreate,
  retryStep = 0,
): Promise<Interaction> {
  const contact = await findContact(trx, accountId, contactId);
  if (!contact) throw new NotFound('contact not found');
  const now = nowIso(deps);
  const row = {
    account_id: accountId,
    id: deps.newId(),
    contact_id: contactId,
    channel: input.channel,
    direction: input.direction,
    occurred_at: input.occurredAt ? iso(input.occurredAt) : now,
    summary: input.summary,
    topics: JSON.stringify(input.topics),
    awaiting_reply: input.awaitingReply && input.direction === 'outbound' ? 1 : 0,
    retry_step: retryStep,
    created_at: now,
  };
  await insertInteraction(trx, row);
  // awaiting_reply stays as logged: a later inbound answers it (contacts.last_inbound_at), and
  // health needs to know which outreach waited for a reply and whether one came.
  const task = takeawayTask({ channel: input.channel, occurredAt: row.occurred_at });
  if (task && task.windowEnd > now) {
    await insertTask(trx, {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      kind: task.kind,
      title: task.title,
      due_at: task.dueAt,
      done_at: null,
      created_at: now,
    });
  }
  await refreshSchedule(deps, trx, accountId, contactId, { created: false });
  return toInteractionDto({ ...row, topics: input.topics });
}

/**
 * Many interactions of existing contacts at once (capture): the same effects as logInteractionIn —
 * takeaway tasks for meetings, each contact's schedule refreshed once — in the caller's transaction.
 */
export async function recordInteractionsIn(
  deps: Deps,
  trx: Conn,
  accountId: string,
  rows: readonly NewRow<'interactions'>[],
): Promise<void> {
  await addInteractionsIn(deps, trx, accountId, rows);
  await refreshSchedules(
    deps,
    trx,
    accountId,
    rows.map((r) => r.contact_id),
  );
}

/**
 * recordInteractionsIn without the schedules: for a caller that refreshes the contacts itself,
 * once for many transactions (a file captured in batches, services/capture/capture-mail.ts).
 */
export async function addInteractionsIn(
  deps: Deps,
  trx: Conn,
  accountId: string,
  rows: readonly NewRow<'interactions'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const now = nowIso(deps);
  await insertInteractions(trx, rows);
  for (const row of rows) {
    const task = takeawayTask({ channel: row.channel, occurredAt: row.occurred_at });
    if (task && task.windowEnd > now)
      await insertTask(trx, {
        account_id: accountId,
        id: deps.newId(),
        contact_id: row.contact_id,
        kind: task.kind,
        title: task.title,
        due_at: task.dueAt,
        done_at: null,
        created_at: now,
      });
  }
}

export async function contactInteractions(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<Interaction[]> {
  if (!(await findContact(deps.store.read, accountId, contactId))) throw new NotFound('contact not found');
  return (await listInteractions(deps.store.read, accountId, contactId)).map(toInteractionDto);
}

export async function getInteraction(deps: Deps, accountId: string, id: string): Promise<Interaction> {
  const row = await findInteraction(deps.store.read, accountId, id);
  if (!row) throw new NotFound('interaction not found');
  return toInteractionDto(row);
}

export async function patchInteraction(
  deps: Deps,
  accountId: string,
  id: string,
  patch: InteractionPatch,
): Promise<Interaction> {
  return deps.store.transaction(async (trx) => {
    const row = await findInteraction(trx, accountId, id);
    if (!row) throw new NotFound('interaction not found');
    const values: InteractionChanges = {
      ...(patch.channel && { channel: patch.channel }),
      ...(patch.direction && { direction: patch.direction }),
      ...(patch.occurredAt && { occurred_at: iso(patch.occurredAt) }),
      ...(patch.summary !== undefined && { summary: patch.summary }),
      ...(patch.topics && { topics: JSON.stringify(patch.topics) }),
      ...(patch.awaitingReply !== undefined && { awaiting_reply: patch.awaitingReply ? 1 : 0 }),
    };
    await updateInteraction(trx, accountId, id, values);
    await refreshSchedule(deps, trx, accountId, row.contact_id, { created: false });
    return toInteractionDto({ ...row, ...values, topics: patch.topics ?? row.topics });
  });
}

export async function removeInteraction(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const row = await findInteraction(trx, accountId, id);
    if (!row) throw new NotFound('interaction not found');
    await deleteInteraction(trx, accountId, id);
    await refreshSchedule(deps, trx, accountId, row.contact_id, { created: false });
  });
}
