import type { Insertable, Selectable } from 'kysely';
import type { UpdateSendMode } from '../core/vocabulary';
import { kysely } from './conn';
import type { UpdateRecipientsTable, UpdatesTable } from './database';
import { decodeJson } from './json-columns';
import type { Conn } from './store';

/** An update with its filter decoded from JSON (null with a segment); the service checks its shape. */
export type UpdateRow = Omit<Selectable<UpdatesTable>, 'filter'> & { filter: unknown };

const decoded = (r: Selectable<UpdatesTable>): UpdateRow => ({
  ...r,
  filter: r.filter === null ? null : decodeJson(r.filter, 'updates.filter'),
});
export type UpdateRecipientRow = Selectable<UpdateRecipientsTable>;

export async function insertUpdate(conn: Conn, row: Insertable<UpdatesTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('updates').values(row).execute();
}

export async function findUpdate(conn: Conn, accountId: string, id: string): Promise<UpdateRow | undefined> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('updates')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && decoded(row);
}

/** Newest first. */
export async function listUpdates(conn: Conn, accountId: string): Promise<UpdateRow[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('updates')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(decoded);
}

/** Marks the update sent unless it already was; false when another call got there first. */
export async function markUpdateSent(
  conn: Conn,
  accountId: string,
  id: string,
  mode: UpdateSendMode,
  at: string,
): Promise<boolean> {
  const db = kysely(conn);
  const r = await db
    .updateTable('updates')
    .set({ sent_at: at, send_mode: mode })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRecipients(conn: Conn, rows: Insertable<UpdateRecipientsTable>[]): Promise<void> {
  const db = kysely(conn);
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('update_recipients')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function listRecipients(
  conn: Conn,
  accountId: string,
  updateId: string,
): Promise<(UpdateRecipientRow & { first_name: string; last_name: string })[]> {
  const db = kysely(conn);
  return db
    .selectFrom('update_recipients')
    .innerJoin('contacts', (j) =>
      j
        .onRef('contacts.account_id', '=', 'update_recipients.account_id')
        .onRef('contacts.id', '=', 'update_recipients.contact_id'),
    )
    .selectAll('update_recipients')
    .select(['contacts.first_name', 'contacts.last_name'])
    .where('update_recipients.account_id', '=', accountId)
    .where('update_recipients.update_id', '=', updateId)
    .orderBy('contacts.sort_name')
    .orderBy('contacts.id')
    .execute();
}

/** When the account last sent an update to people (a public post is not one), or null. */
export async function lastUpdateSentAt(conn: Conn, accountId: string): Promise<string | null> {
  const db = kysely(conn);
  const r = await db
    .selectFrom('updates')
    .select((eb) => eb.fn.max('sent_at').as('last'))
    .where('account_id', '=', accountId)
    .where('send_mode', 'in', ['smtp', 'drafts'])
    .executeTakeFirst();
  return r?.last ?? null;
}

/** The account owner's display name, for {{myName}}. */
export async function ownerName(conn: Conn, accountId: string): Promise<string> {
  const db = kysely(conn);
  const r = await db
    .selectFrom('users')
    .select('name')
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r?.name ?? '';
}
