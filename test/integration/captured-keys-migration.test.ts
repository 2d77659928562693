import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';

// An upgrade, not a fresh install: SQLite rebuilds captured_items to let source_id be null (keys
// restored from a backup have no source). PostgreSQL drops NOT NULL in place, run by every suite.
describe('the captured-keys migration on an existing SQLite database', () => {
  let db: Kysely<Database>;
  afterEach(async () => {
    await db?.destroy();
  });

  it('keeps every key, its primary key and its cascade, and then takes a key without a source', async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db, '1796178265637-import-mappings');
    const at = '2026-01-01T00:00:00.000Z';
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
    const key = (item_key: string, contact_id: string, source_id: string | null) => ({
      account_id: 'a1',
      item_key,
      contact_id,
      source_id,
      interaction_id: `i-${item_key}-${contact_id}`,
      direction: 'inbound' as const,
    });
    await db
      .insertInto('captured_items')
      .values([key('m1', 'grace', 's1'), key('m1', 'alan', 's1'), key('m2', 'alan', 's2')])
      .execute();

    await migrateToLatest(db);
    const rows = () =>
      db
        .selectFrom('captured_items')
        .select(['item_key', 'contact_id', 'source_id'])
        .orderBy('item_key')
        .orderBy('contact_id')
        .execute();
    expect(await rows()).toEqual([
      { item_key: 'm1', contact_id: 'alan', source_id: 's1' },
      { item_key: 'm1', contact_id: 'grace', source_id: 's1' },
      { item_key: 'm2', contact_id: 'alan', source_id: 's2' },
    ]);
    await db
      .insertInto('captured_items')
      .values(key('m3', 'grace', null))
      .execute();
    await expect(
      db
        .insertInto('captured_items')
        .values(key('m3', 'grace', 's1'))
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await db.deleteFrom('contacts').where('id', '=', 'alan').execute();
    expect(await rows()).toEqual([
      { item_key: 'm1', contact_id: 'grace', source_id: 's1' },
      { item_key: 'm3', contact_id: 'grace', source_id: null },
    ]);
    const indexes = sqlite
      .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'captured_items'")
      .pluck()
      .all();
    expect(indexes).toContain('captured_items_source_idx');
  });
});
