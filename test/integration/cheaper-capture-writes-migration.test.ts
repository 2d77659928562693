import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { kysely } from '../../src/store/conn';
import type { Database } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { candidateQueries } from '../../src/store/today.repo';
import { capturedKeysDbAt } from '../helpers/captured-keys-db';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const at = '2026-01-01T00:00:00.000Z';

// The partial awaiting index only pays if Today's retries still find it with the bound 1.
describe.each(dialects)('the awaiting index on %s', (dialect) => {
  let store: TestStore;
  afterEach(async () => {
    await store?.close();
  });

  it("is what Today's retries query searches", async () => {
    store = await freshStore(dialect);
    const plan = await store.transaction(async (tx) => {
      const db = kysely(tx);
      // A few rows make a sequential scan cheapest on PostgreSQL; the question is whether the index can serve.
      if (dialect === 'postgres') await sql`SET LOCAL enable_seqscan = off`.execute(db);
      const q = candidateQueries(tx, 'a1', {
        now: at,
        perReason: 10,
        taskHorizon: at,
        datePairs: [],
        lifeEventsSince: at,
        retryFrom: '2025-10-01T00:00:00.000Z',
        retryTo: at,
      }).retries.compile();
      const explained = await db.executeQuery(
        CompiledQuery.raw(`${dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${q.sql}`, [
          ...q.parameters,
        ]),
      );
      return JSON.stringify(explained.rows);
    });
    expect(plan).toContain('interactions_awaiting_idx');
  });
});

// An upgrade, not a fresh install: SQLite rebuilds captured_items WITHOUT ROWID.
describe('the cheaper-capture-writes migration on an existing SQLite database', () => {
  let db: Kysely<Database>;
  afterEach(async () => {
    await db?.destroy();
  });

  it('keeps every key, its primary key and its cascade, with no rowid', async () => {
    const fixture = await capturedKeysDbAt('1796189438521-captured-keys-without-source');
    db = fixture.db;
    const { sqlite, key, rows } = fixture;
    await db
      .insertInto('captured_items')
      .values([key('m1', 'grace', 's1'), key('m1', 'alan', 's1'), key('m2', 'alan', null)])
      .execute();

    await migrateToLatest(db);
    expect(await rows()).toEqual([
      { item_key: 'm1', contact_id: 'alan', source_id: 's1' },
      { item_key: 'm1', contact_id: 'grace', source_id: 's1' },
      { item_key: 'm2', contact_id: 'alan', source_id: null },
    ]);
    expect(() => sqlite.prepare('select rowid from captured_items').all()).toThrow(/rowid/);
    await expect(
      db
        .insertInto('captured_items')
        .values(key('m2', 'alan', 's2'))
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await db.deleteFrom('contacts').where('id', '=', 'alan').execute();
    expect(await rows()).toEqual([{ item_key: 'm1', contact_id: 'grace', source_id: 's1' }]);
    const indexes = sqlite
      .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'captured_items'")
      .pluck()
      .all();
    // The rebuilds kept the source index; 1796229320183-drop-captured-source-index then drops it
    // (captured-source-index-migration.test.ts).
    expect(indexes).not.toContain('captured_items_source_idx');
    const awaiting = sqlite
      .prepare("select sql from sqlite_master where name = 'interactions_awaiting_idx'")
      .pluck()
      .get();
    expect(awaiting).toMatch(/WHERE awaiting_reply = 1$/);
  });
});
