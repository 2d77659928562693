import { kysely } from './conn';
import type { Conn } from './store';

export interface DigestAccountRow {
  id: string;
  time_zone: string;
  digest_email: string | null;
  digest_done_on: string | null;
}

/** Accounts with the digest on that have not been handled for `notOn` (a local date) — cheap to scan every minute. */
export async function digestCandidates(conn: Conn): Promise<DigestAccountRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('accounts')
    .select(['id', 'time_zone', 'digest_email', 'digest_done_on'])
    .where('digest_enabled', '=', 1)
    .orderBy('id')
    .execute();
}

/** Records that the digest for `localDate` was handled; false when another tick already did. */
export async function markDigestDone(conn: Conn, accountId: string, localDate: string): Promise<boolean> {
  const db = kysely(conn);
  const r = await db
    .updateTable('accounts')
    .set({ digest_done_on: localDate })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('digest_done_on', 'is', null), eb('digest_done_on', '<', localDate)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The account's first user's e-mail: the digest's default address. */
export async function ownerEmail(conn: Conn, accountId: string): Promise<string | undefined> {
  const db = kysely(conn);
  const r = await db
    .selectFrom('users')
    .select('email')
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r?.email;
}
