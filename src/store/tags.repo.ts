import { sql } from 'kysely';
import { kysely } from './conn';
import type { Conn } from './store';

/** Every tag of the account with how many contacts carry it, by name. */
export async function listTagsWithCounts(
  conn: Conn,
  accountId: string,
): Promise<{ id: string; name: string; contact_count: number }[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('tags')
    .leftJoin('contact_tags', (j) =>
      j.onRef('contact_tags.account_id', '=', 'tags.account_id').onRef('contact_tags.tag_id', '=', 'tags.id'),
    )
    .select([
      'tags.id',
      'tags.name',
      sql<number | string>`count(contact_tags.contact_id)`.as('contact_count'),
    ])
    .where('tags.account_id', '=', accountId)
    .groupBy(['tags.id', 'tags.name'])
    .orderBy('tags.name')
    .execute();
  // PostgreSQL returns count() as a bigint string.
  return rows.map((r) => ({ ...r, contact_count: Number(r.contact_count) }));
}
