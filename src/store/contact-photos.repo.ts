import { type Insertable, type Selectable, sql } from 'kysely';
import { chunks } from './chunks';
import { kysely } from './conn';
import type { ContactPhotosTable, ImportRowPhotosTable } from './database';
import { mapByIds } from './rows-by-ids';
import type { Conn } from './store';

export type ContactPhotoRow = Selectable<ContactPhotosTable>;
export type ImportRowPhotoRow = Selectable<ImportRowPhotosTable>;

export async function findContactPhoto(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<ContactPhotoRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('contact_photos')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
}

/** The photo hash of each of `ids` that has one (lists show avatars without reading image bytes). */
export async function photoHashes(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const db = kysely(conn);
  return mapByIds(
    ids,
    (part) =>
      db
        .selectFrom('contact_photos')
        .select(['contact_id', 'hash'])
        .where('account_id', '=', accountId)
        .where('contact_id', 'in', part)
        .execute(),
    (r) => r.contact_id,
    (r) => r.hash,
  );
}

/** The photos of `ids` (an export page), by contact. */
export async function loadContactPhotos(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, ContactPhotoRow>> {
  const db = kysely(conn);
  return mapByIds(
    ids,
    (part) =>
      db
        .selectFrom('contact_photos')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('contact_id', 'in', part)
        .execute(),
    (r) => r.contact_id,
    (r) => r,
  );
}

/** Sets a contact's photo, replacing the one it had. */
export async function putContactPhoto(conn: Conn, row: Insertable<ContactPhotosTable>): Promise<void> {
  const db = kysely(conn);
  await deleteContactPhoto(conn, row.account_id, row.contact_id);
  await db.insertInto('contact_photos').values(row).execute();
}

export async function deleteContactPhoto(conn: Conn, accountId: string, contactId: string): Promise<number> {
  const db = kysely(conn);
  const result = await db
    .deleteFrom('contact_photos')
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertImportRowPhotos(
  conn: Conn,
  rows: Insertable<ImportRowPhotosTable>[],
): Promise<void> {
  const db = kysely(conn);
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('import_row_photos')
      .values(rows.slice(i, i + 50))
      .execute();
}

/** The lines of a preview that carry a photo: the commit copies only those (most files have none). */
export async function importPhotoLines(conn: Conn, accountId: string, runId: string): Promise<Set<number>> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('import_row_photos')
    .select('line')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .execute();
  return new Set(rows.map((r) => r.line));
}

/**
 * Copies the previewed photos of these lines to their contacts inside the database, so a commit of
 * 10,000 photos never carries their bytes through JavaScript. A contact that has a photo keeps it.
 */
export async function photosFromImport(
  conn: Conn,
  accountId: string,
  runId: string,
  targets: readonly (readonly [line: number, contactId: string])[],
  now: string,
): Promise<void> {
  if (targets.length === 0) return;
  const db = kysely(conn);
  // 2 parameters a line: 500 lines stay far under SQLite's and PostgreSQL's limits.
  for (const part of chunks(targets)) {
    await db
      .insertInto('contact_photos')
      .columns(['account_id', 'contact_id', 'content_type', 'data', 'hash', 'width', 'height', 'updated_at'])
      .expression((eb) => {
        const contact = sql<string>`CASE line ${sql.join(
          part.map(([line, id]) => sql`WHEN ${line} THEN ${id}`),
          sql` `,
        )} END`;
        return eb
          .selectFrom('import_row_photos')
          .select([
            'account_id',
            contact.as('contact_id'),
            'content_type',
            'data',
            'hash',
            'width',
            'height',
            eb.val(now).as('updated_at'),
          ])
          .where('account_id', '=', accountId)
          .where('run_id', '=', runId)
          .where(
            'line',
            'in',
            part.map(([line]) => line),
          );
      })
      .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doNothing())
      .execute();
  }
}

/** A committed preview's photos are in contact_photos now; the copies go. */
export async function deleteImportRowPhotos(conn: Conn, accountId: string, runId: string): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('import_row_photos')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .execute();
}
