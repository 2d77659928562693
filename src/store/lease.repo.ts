import { kysely } from './conn';
import type { Conn } from './store';

/** Tables whose rows one sync at a time holds through a `locked_until` lease. */
export type LeasedTable = 'capture_sources' | 'carddav_subscriptions';

/**
 * Takes the row for one run until `until`, unless another run (in this or another instance) holds
 * it: one conditional UPDATE, atomic on both databases. True when taken.
 */
export async function claimLease(
  conn: Conn,
  table: LeasedTable,
  row: { accountId: string; id: string },
  now: string,
  until: string,
): Promise<boolean> {
  const r = await kysely(conn)
    .updateTable(table)
    .set({ locked_until: until })
    .where('account_id', '=', row.accountId)
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
