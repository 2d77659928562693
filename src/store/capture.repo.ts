import type { Insertable, Selectable } from 'kysely';
import { chunks, insertMany } from './chunks';
import { kysely } from './conn';
import type { CapturedItemsTable, CaptureSourcesTable, CaptureSuggestionsTable } from './database';
import { rowsByIds } from './rows-by-ids';
import type { Conn } from './store';

export type SourceRow = Selectable<CaptureSourcesTable>;
export type CapturedItemRow = Selectable<CapturedItemsTable>;
export type SuggestionRow = Selectable<CaptureSuggestionsTable>;

export async function insertSource(conn: Conn, row: Insertable<CaptureSourcesTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('capture_sources').values(row).execute();
}

export async function findSource(conn: Conn, accountId: string, id: string): Promise<SourceRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('capture_sources')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listSources(conn: Conn, accountId: string): Promise<SourceRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('capture_sources')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every source of a kind, across accounts: what the scheduled sync walks. */
export async function sourcesOfKind(
  conn: Conn,
  kind: SourceRow['kind'],
): Promise<Pick<SourceRow, 'account_id' | 'id' | 'last_sync_at' | 'locked_until'>[]> {
  const db = kysely(conn);
  return db
    .selectFrom('capture_sources')
    .select(['account_id', 'id', 'last_sync_at', 'locked_until'])
    .where('kind', '=', kind)
    .execute();
}

export async function updateSource(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<Omit<SourceRow, 'account_id' | 'id'>>,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('capture_sources')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/** Adds one batch's counts to the source's totals (in the batch's transaction). */
export async function addSourceCounts(
  conn: Conn,
  accountId: string,
  id: string,
  n: { seen: number; captured: number; skipped: number; failed: number },
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('capture_sources')
    .set((eb) => ({
      seen: eb('seen', '+', n.seen),
      captured: eb('captured', '+', n.captured),
      skipped: eb('skipped', '+', n.skipped),
      failed: eb('failed', '+', n.failed),
    }))
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteSource(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('capture_sources')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The addresses of the account's contacts with their "capture" flag: matching reads them once per sync. */
export async function captureDirectory(
  conn: Conn,
  accountId: string,
): Promise<{ contact_id: string; value: string; capture: number }[]> {
  const db = kysely(conn);
  return db
    .selectFrom('contact_emails as e')
    .innerJoin('contacts as c', (j) =>
      j.onRef('c.account_id', '=', 'e.account_id').onRef('c.id', '=', 'e.contact_id'),
    )
    .select(['e.contact_id', 'e.value', 'c.capture'])
    .where('e.account_id', '=', accountId)
    .execute();
}

/** The users' own sign-in addresses: mail from them is outbound. */
export async function accountAddresses(conn: Conn, accountId: string): Promise<string[]> {
  const db = kysely(conn);
  return (await db.selectFrom('users').select('email').where('account_id', '=', accountId).execute()).map(
    (u) => u.email,
  );
}

/** Which of these item keys are already captured (for any contact, through any source). */
export async function capturedByKeys(
  conn: Conn,
  accountId: string,
  keys: readonly string[],
): Promise<CapturedItemRow[]> {
  const db = kysely(conn);
  return rowsByIds([...new Set(keys)], (part) =>
    db
      .selectFrom('captured_items')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('item_key', 'in', part)
      .execute(),
  );
}

export async function insertCapturedItems(
  conn: Conn,
  rows: readonly Insertable<CapturedItemsTable>[],
): Promise<void> {
  if (rows.length > 0) await insertMany(conn, 'captured_items', rows);
}

/** The interactions a source captured (to remove them with it). */
export async function interactionsOfSource(
  conn: Conn,
  accountId: string,
  sourceId: string,
): Promise<CapturedItemRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('captured_items')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('source_id', '=', sourceId)
    .execute();
}

export async function deleteCapturedOfSource(conn: Conn, accountId: string, sourceId: string): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('captured_items')
    .where('account_id', '=', accountId)
    .where('source_id', '=', sourceId)
    .execute();
}

/**
 * Counts one more batch of messages with strangers; the latest date wins. One upsert per 500
 * addresses, which must be distinct (PostgreSQL refuses to update a row twice in one statement).
 */
export async function addSuggestions(
  conn: Conn,
  rows: readonly Insertable<CaptureSuggestionsTable>[],
): Promise<void> {
  const db = kysely(conn);
  for (const part of chunks(rows)) {
    await db
      .insertInto('capture_suggestions')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['account_id', 'address']).doUpdateSet((eb) => ({
          messages: eb('capture_suggestions.messages', '+', eb.ref('excluded.messages')),
          last_at: eb
            .case()
            .when('excluded.last_at', '>', eb.ref('capture_suggestions.last_at'))
            .then(eb.ref('excluded.last_at'))
            .else(eb.ref('capture_suggestions.last_at'))
            .end(),
        })),
      )
      .execute();
  }
}

export async function listSuggestions(
  conn: Conn,
  accountId: string,
  limit: number,
): Promise<SuggestionRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('capture_suggestions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('dismissed', '=', 0)
    .orderBy('messages', 'desc')
    .orderBy('last_at', 'desc')
    .orderBy('address')
    .limit(limit)
    .execute();
}

export async function findSuggestion(
  conn: Conn,
  accountId: string,
  address: string,
): Promise<SuggestionRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('capture_suggestions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('address', '=', address)
    .executeTakeFirst();
}

export async function dismissSuggestion(conn: Conn, accountId: string, address: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('capture_suggestions')
    .set({ dismissed: 1 })
    .where('account_id', '=', accountId)
    .where('address', '=', address)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
