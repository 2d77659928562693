import type { OutboxMessage } from '../../contract/outbox';
import { Conflict, NotFound } from '../../core/errors';
import { nextAttemptAt, OUTBOX_STALE_MS } from '../../core/outbox-policy';
import {
  claimOutbox,
  dueOutbox,
  enqueueOutbox,
  findOutbox,
  findOutboxByKey,
  listOutbox,
  markAttemptFailed,
  markSent,
  type OutboxRow,
  releaseStale,
  requeueOutbox,
} from '../../store/outbox.repo';
import type { Conn } from '../../store/store';
import { type Deps, nowIso } from '../deps';
import type { Mailer } from './mailer';

export interface NewMessage {
  kind: 'digest' | 'update';
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Queues a message in the caller's transaction; the same key twice in one account is a no-op. Returns the row id. */
export async function enqueueMessage(
  deps: Deps,
  db: Conn,
  accountId: string,
  message: NewMessage,
): Promise<{ id: string; added: boolean }> {
  const now = nowIso(deps);
  const id = deps.newId();
  const added = await enqueueOutbox(db, {
    account_id: accountId,
    id,
    idempotency_key: message.idempotencyKey,
    kind: message.kind,
    to_address: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  });
  if (added) return { id, added };
  const existing = await findOutboxByKey(db, accountId, message.idempotencyKey);
  if (!existing) throw new Error(`outbox: key ${message.idempotencyKey} neither inserted nor found`);
  return { id: existing.id, added };
}

function toDto(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    kind: r.kind,
    idempotencyKey: r.idempotency_key,
    to: r.to_address,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'pending' || r.status === 'sending' ? r.next_attempt_at : null,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}

/** The account's messages, newest first, with where each one stands. */
export async function outboxMessages(deps: Deps, accountId: string): Promise<OutboxMessage[]> {
  return (await listOutbox(deps.store.read, accountId, 200)).map(toDto);
}

/** Tries a pending or failed message again now; a sent (or being sent) one is a 409. */
export async function retryMessage(deps: Deps, accountId: string, id: string): Promise<OutboxMessage> {
  const db = deps.store.read;
  const row = await findOutbox(db, accountId, id);
  if (!row) throw new NotFound('message not found');
  if ((await requeueOutbox(db, accountId, id, nowIso(deps))) === 0)
    throw new Conflict(`the message is ${row.status}; only pending or failed messages can be retried`);
  return toDto((await findOutbox(db, accountId, id))!);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  released: number;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

/**
 * One pass of the worker: releases rows a crashed worker left in 'sending', then claims and sends
 * each due row. Claims are conditional updates, so concurrent workers (other instances) never send
 * the same row twice; a failure records its error and schedules the back-off.
 */
export async function deliverDue(deps: Deps, mailer: Mailer, limit = 50): Promise<DeliveryReport> {
  const db = deps.store.read;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, released: 0 };
  const now = nowIso(deps);
  report.released = await releaseStale(db, new Date(Date.parse(now) - OUTBOX_STALE_MS).toISOString());
  for (const row of await dueOutbox(db, now, limit)) {
    const attempt = await claimOutbox(db, row, nowIso(deps));
    if (attempt === null) continue;
    try {
      await mailer.send({
        idempotencyKey: row.idempotency_key,
        to: row.to_address,
        subject: row.subject,
        text: row.text,
        html: row.html,
      });
    } catch (error) {
      const next = nextAttemptAt(attempt, nowIso(deps));
      await markAttemptFailed(db, row, errorText(error), next);
      if (next) report.retrying++;
      else report.failed++;
      continue;
    }
    await markSent(db, row, nowIso(deps));
    report.sent++;
  }
  return report;
}
