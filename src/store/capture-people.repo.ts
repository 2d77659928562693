import { kysely } from './conn';
import type { Conn } from './store';

/** Every contact's links with its "capture" flag: LinkedIn messages are matched by profile first. */
export async function captureLinks(
  conn: Conn,
  accountId: string,
): Promise<{ contact_id: string; url: string; capture: number }[]> {
  const db = kysely(conn);
  return db
    .selectFrom('contact_links as l')
    .innerJoin('contacts as c', (j) =>
      j.onRef('c.account_id', '=', 'l.account_id').onRef('c.id', '=', 'l.contact_id'),
    )
    .select(['l.contact_id', 'l.url', 'c.capture'])
    .where('l.account_id', '=', accountId)
    .orderBy('l.contact_id')
    .execute();
}

/** Every contact's name with its "capture" flag: then by exact full name, when only one has it. */
export async function captureNames(
  conn: Conn,
  accountId: string,
): Promise<{ id: string; first_name: string; last_name: string; capture: number }[]> {
  const db = kysely(conn);
  return db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name', 'capture'])
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
}
