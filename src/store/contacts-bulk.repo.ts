import type { Insertable } from 'kysely';
import { chunks } from './chunks';
import { kysely } from './conn';
import type { ContactsTable, Db } from './database';
import { rowsByIds } from './rows-by-ids';
import type { Conn } from './store';

/** Which of these ids are contacts of the account (an id of another account is not). */
export async function existingContactIds(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const db = kysely(conn);
  const rows = await rowsByIds(ids, (part) =>
    db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', 'in', part)
      .execute(),
  );
  return new Set(rows.map((r) => r.id));
}

/** The same column values on every one of these contacts. */
export async function updateContacts(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
  values: Partial<Insertable<ContactsTable>>,
): Promise<void> {
  const db = kysely(conn);
  for (const part of chunks(ids)) {
    await db
      .updateTable('contacts')
      .set(values)
      .where('account_id', '=', accountId)
      .where('id', 'in', part)
      .execute();
  }
}

/** The tag's id, creating the tag when the account has none of that name. */
async function ensureTag(db: Db, accountId: string, name: string, newId: () => string): Promise<string> {
  await db
    .insertInto('tags')
    .values({ account_id: accountId, id: newId(), name })
    .onConflict((oc) => oc.columns(['account_id', 'name']).doNothing())
    .execute();
  const row = await db
    .selectFrom('tags')
    .select('id')
    .where('account_id', '=', accountId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Puts the tag on every one of these contacts (those that have it keep it once). */
export async function tagContacts(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
  name: string,
  newId: () => string,
): Promise<void> {
  const db = kysely(conn);
  const tagId = await ensureTag(db, accountId, name, newId);
  for (const part of chunks(ids)) {
    await db
      .insertInto('contact_tags')
      .values(part.map((contact_id) => ({ account_id: accountId, contact_id, tag_id: tagId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Takes the tag off these contacts; the tag itself stays for the others. */
export async function untagContacts(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
  name: string,
): Promise<void> {
  const db = kysely(conn);
  const tag = await db
    .selectFrom('tags')
    .select('id')
    .where('account_id', '=', accountId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!tag) return;
  for (const part of chunks(ids)) {
    await db
      .deleteFrom('contact_tags')
      .where('account_id', '=', accountId)
      .where('tag_id', '=', tag.id)
      .where('contact_id', 'in', part)
      .execute();
  }
}
