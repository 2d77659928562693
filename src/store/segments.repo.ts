import type { Insertable, Selectable } from 'kysely';
import type { Db, SavedSegmentsTable } from './database';

export type SegmentRow = Selectable<SavedSegmentsTable>;

export async function insertSegment(db: Db, row: Insertable<SavedSegmentsTable>): Promise<void> {
  await db.insertInto('saved_segments').values(row).execute();
}

export async function findSegment(db: Db, accountId: string, id: string): Promise<SegmentRow | undefined> {
  return db
    .selectFrom('saved_segments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listSegments(db: Db, accountId: string): Promise<SegmentRow[]> {
  return db
    .selectFrom('saved_segments')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('name')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function deleteSegment(db: Db, accountId: string, id: string): Promise<number> {
  const r = await db
    .deleteFrom('saved_segments')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
