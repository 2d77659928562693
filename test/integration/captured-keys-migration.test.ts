import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { capturedKeysDbAt } from '../helpers/captured-keys-db';

// An upgrade, not a fresh install: SQLite rebuilds captured_items to let source_id be null (keys
// restored from a backup have no source). PostgreSQL drops NOT NULL in place, run by every suite.
describe('the captured-keys migration on an existing SQLite database', () => {
  let db: Kysely<Database>;
  afterEach(async () => {
    await db?.destroy();
  });

  it('keeps every key, its primary key and its cascade, and then takes a key without a source', async () => {
    const fixture = await capturedKeysDbAt('1796178265637-import-mappings');
    db = fixture.db;
    const { sqlite, key, rows } = fixture;
    await db
      .insertInto('captured_items')
      .values([key('m1', 'grace', 's1'), key('m1', 'alan', 's1'), key('m2', 'alan', 's2')])
      .execute();

    await migrateToLatest(db);
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
    // The rebuilds kept the source index; 1796229320183-drop-captured-source-index then drops it
    // (captured-source-index-migration.test.ts).
    expect(indexes).not.toContain('captured_items_source_idx');
  });
});
