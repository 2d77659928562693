import { kysely } from './conn';
import type { Conn } from './store';

/** The fields (JSON array) last used for a header set, if any. */
export async function findImportMapping(
  conn: Conn,
  accountId: string,
  headerKey: string,
): Promise<string | undefined> {
  const row = await kysely(conn)
    .selectFrom('import_mappings')
    .select('fields')
    .where('account_id', '=', accountId)
    .where('header_key', '=', headerKey)
    .executeTakeFirst();
  return row?.fields;
}

/** Remembers the fields used for a header set, replacing what was remembered before. */
export async function saveImportMapping(
  conn: Conn,
  row: { account_id: string; header_key: string; fields: string; updated_at: string },
): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('import_mappings')
    .where('account_id', '=', row.account_id)
    .where('header_key', '=', row.header_key)
    .execute();
  await db.insertInto('import_mappings').values(row).execute();
}
