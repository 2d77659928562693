import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { OutboxTable } from './database';
import type { Conn } from './store';

export type OutboxRow = Selectable<OutboxTable>;

/** Adds a message unless one with the same key exists in the account; true when this call added it. */
export async function enqueueOutbox(conn: Conn, row: Insertable<OutboxTable>): Promise<boolean> {
  const db = kysely(conn);
  const r = await db
    .insertInto('outbox')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findOutboxByKey(
  conn: Conn,
  accountId: string,
  key: string,
): Promise<OutboxRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function findOutbox(conn: Conn, accountId: string, id: string): Promise<OutboxRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first. */
export async function listOutbox(conn: Conn, accountId: string, limit: number): Promise<OutboxRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Rows a crashed worker left in 'sending' since before `staleBefore` go back to pending. */
export async function releaseStale(conn: Conn, staleBefore: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('outbox')
    .set({ status: 'pending', sending_at: null, last_error: 'the worker stopped while sending' })
    .where('status', '=', 'sending')
    .where('sending_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Pending rows whose time has come, across accounts, oldest due first. */
export async function dueOutbox(conn: Conn, now: string, limit: number): Promise<OutboxRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims one row for sending: a conditional update that only one worker can win, on either
 * dialect (the loser sees 0 rows changed). Returns the claimed row's attempt number, or null.
 */
export async function claimOutbox(conn: Conn, row: OutboxRow, now: string): Promise<number | null> {
  const db = kysely(conn);
  const attempt = row.attempts + 1;
  const r = await db
    .updateTable('outbox')
    .set({ status: 'sending', sending_at: now, attempts: attempt })
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? attempt : null;
}

export async function markSent(conn: Conn, row: OutboxRow, now: string): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, sending_at: null, last_error: null })
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.id)
    .execute();
}

/** After a failed attempt: pending again at `nextAttemptAt`, or failed for good when that is null. */
export async function markAttemptFailed(
  conn: Conn,
  row: OutboxRow,
  error: string,
  nextAttemptAt: string | null,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('outbox')
    .set({
      status: nextAttemptAt ? 'pending' : 'failed',
      next_attempt_at: nextAttemptAt ?? row.next_attempt_at,
      last_error: error,
      sending_at: null,
    })
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .execute();
}

/** Pending or failed → pending now (a failed row starts its back-off afresh); returns rows changed. */
export async function requeueOutbox(conn: Conn, accountId: string, id: string, now: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      next_attempt_at: now,
      attempts: eb.case().when('status', '=', 'failed').then(0).else(eb.ref('attempts')).end(),
    }))
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
