import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { SavedSegmentsTable } from './database';
import type { Conn } from './store';

export type SegmentRow = Selectable<SavedSegmentsTable>;

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
  return db
    .selectFrom('saved_segments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listSegments(conn: Conn, accountId: string): Promise<SegmentRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('saved_segments')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('name')
    .orderBy('id')
    .limit(1000)
    .execute();
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
