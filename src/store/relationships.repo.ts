import type { Insertable, Selectable } from 'kysely';
import type { RelationshipKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { RelationshipsTable } from './database';
import type { Conn } from './store';

export type RelationshipRow = Selectable<RelationshipsTable>;

/** A relationship with the person at its other end, as one contact's page shows it. */
export interface RelatedRow extends RelationshipRow {
  related_id: string;
  related_first_name: string;
  related_last_name: string;
  related_company: string | null;
  related_last_interaction_at: string | null;
}

export async function insertRelationship(conn: Conn, row: Insertable<RelationshipsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('relationships').values(row).execute();
}

export async function findRelationship(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<RelationshipRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('relationships')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A row of this kind between the two people, filed on either of them. */
export async function findPairRelationship(
  conn: Conn,
  accountId: string,
  a: string,
  b: string,
  kind: RelationshipKind,
): Promise<RelationshipRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('relationships')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where((eb) =>
      eb.or([
        eb.and([eb('contact_id', '=', a), eb('other_contact_id', '=', b)]),
        eb.and([eb('contact_id', '=', b), eb('other_contact_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

/**
 * Every relationship the contact is in, from either end, with the other person's name; two indexed
 * halves (the unique key leads with contact_id, relationships_other_idx with other_contact_id).
 */
export async function listRelated(conn: Conn, accountId: string, contactId: string): Promise<RelatedRow[]> {
  const db = kysely(conn);
  const half = (mine: 'contact_id' | 'other_contact_id', theirs: 'contact_id' | 'other_contact_id') =>
    db
      .selectFrom('relationships as r')
      .innerJoin('contacts as c', (j) =>
        j.onRef('c.account_id', '=', 'r.account_id').onRef('c.id', '=', `r.${theirs}`),
      )
      .selectAll('r')
      .select([
        'c.id as related_id',
        'c.first_name as related_first_name',
        'c.last_name as related_last_name',
        'c.company as related_company',
        'c.last_interaction_at as related_last_interaction_at',
      ])
      .where('r.account_id', '=', accountId)
      .where(`r.${mine}`, '=', contactId)
      .orderBy('c.sort_name')
      .orderBy('r.id')
      .limit(500)
      .execute();
  // One after the other: inside a PostgreSQL transaction the handle is a single client.
  const filed = await half('contact_id', 'other_contact_id');
  const pointed = await half('other_contact_id', 'contact_id');
  return [...filed, ...pointed];
}

export async function updateRelationship(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<Pick<RelationshipRow, 'kind' | 'note' | 'contact_id' | 'other_contact_id'>>,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('relationships')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteRelationship(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('relationships')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
