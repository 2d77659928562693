import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';

export type CapturedKeysDb = {
  sqlite: SQLite.Database;
  db: Kysely<Database>;
  /** A captured key of account a1, its interaction id made from the key and the contact. */
  key: (item_key: string, contact_id: string, source_id: string | null) => CapturedKeyRow;
  /** Every key, ordered by key and contact. */
  rows: () => Promise<{ item_key: string; contact_id: string; source_id: string | null }[]>;
};

type CapturedKeyRow = {
  account_id: string;
  item_key: string;
  contact_id: string;
  source_id: string | null;
  interaction_id: string;
  direction: 'inbound';
};

const at = '2026-01-01T00:00:00.000Z';

/**
 * An in-memory SQLite database migrated up to `migration`, with account a1 and two contacts,
 * grace and alan: the starting point of the tests that upgrade captured_items in place.
 */
export async function capturedKeysDbAt(migration: string): Promise<CapturedKeysDb> {
  const sqlite = new SQLite(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, migration);
  await db
    .insertInto('accounts')
    .values({ id: 'a1', name: 'Ada', time_zone: 'UTC', created_at: at })
    .execute();
  const contact = (id: string) => ({
    account_id: 'a1',
    id,
    first_name: id,
    last_name: 'X',
    sort_name: id,
    tracked: 1,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('contacts')
    .values([contact('grace'), contact('alan')])
    .execute();
  return {
    sqlite,
    db,
    key: (item_key, contact_id, source_id) => ({
      account_id: 'a1',
      item_key,
      contact_id,
      source_id,
      interaction_id: `i-${item_key}-${contact_id}`,
      direction: 'inbound',
    }),
    rows: () =>
      db
        .selectFrom('captured_items')
        .select(['item_key', 'contact_id', 'source_id'])
        .orderBy('item_key')
        .orderBy('contact_id')
        .execute(),
  };
}
