import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { SavedSegmentsTable } from './database';
import { decodeJson } from './json-columns';
import type { Conn } from './store';

/** A saved segment with its filter decoded from JSON; the service checks its shape (contract ContactFilter). */
export type SegmentRow = Omit<Selectable<SavedSegmentsTable>, 'filter'> & { filter: unknown };

const decoded = (r: Selectable<SavedSegmentsTable>): SegmentRow => ({
  ...r,
  filter: decodeJson(r.filter, 'saved_segments.filter'),
});

export async function insertSegment(conn: Conn, row: Insertable<SavedSegmentsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('saved_segments').values(row).execute();
}

export async function findSegment(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<SegmentRow | undefined> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('saved_segments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && decoded(row);
}

export async function listSegments(conn: Conn, accountId: string): Promise<SegmentRow[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('saved_segments')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('name')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(decoded);
}

export async function deleteSegment(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('saved_segments')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
