import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deleteCapturedOfSource, interactionsOfSource } from '../../src/store/capture.repo';
import { kysely } from '../../src/store/conn';
import type { Database } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { capturedKeysDbAt } from '../helpers/captured-keys-db';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const at = '2026-01-01T00:00:00.000Z';

// Without captured_items_source_idx, removing a source finds its keys through the primary key's
// account prefix: exactly that source's keys, none of another source, a restored key or another account.
describe.each(dialects)('the keys of a source without the source index on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    const { db } = store;
    for (const account of ['a1', 'a2']) {
      await db
        .insertInto('accounts')
        .values({ id: account, name: account, time_zone: 'UTC', created_at: at })
        .execute();
      await db
        .insertInto('contacts')
        .values(
          ['grace', 'alan'].map((id) => ({
            account_id: account,
            id,
            first_name: id,
            last_name: 'X',
            sort_name: id,
            tracked: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    const key = (account_id: string, item_key: string, contact_id: string, source_id: string | null) => ({
      account_id,
      item_key,
      contact_id,
      source_id,
      interaction_id: `${account_id}-${item_key}-${contact_id}`,
      direction: 'inbound' as const,
    });
    await db
      .insertInto('captured_items')
      .values([
        key('a1', 'm1', 'grace', 's1'),
        key('a1', 'm1', 'alan', 's2'),
        key('a1', 'm2', 'alan', 's1'),
        key('a1', 'm3', 'grace', null),
        key('a2', 'm1', 'grace', 's1'),
      ])
      .execute();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('has no source index', async () => {
    const indexes =
      dialect === 'sqlite'
        ? await store.db.executeQuery<{ name: string }>(
            CompiledQuery.raw(
              "select name from sqlite_master where type = 'index' and tbl_name = 'captured_items'",
            ),
          )
        : await store.db.executeQuery<{ name: string }>(
            CompiledQuery.raw("select indexname as name from pg_indexes where tablename = 'captured_items'"),
          );
    expect(indexes.rows.map((r) => r.name)).not.toContain('captured_items_source_idx');
  });

  const planOf = async (q: { sql: string; parameters: readonly unknown[] }) =>
    store.transaction(async (tx) => {
      const db = kysely(tx);
      // A few rows make a sequential scan cheapest on PostgreSQL; the question is whether the key can serve.
      if (dialect === 'postgres') await db.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
      const explain = dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
      return JSON.stringify(
        (await db.executeQuery(CompiledQuery.raw(`${explain} ${q.sql}`, [...q.parameters]))).rows,
      );
    });

  it('reads the keys of one source through the primary key', async () => {
    const q = kysely(store.read)
      .selectFrom('captured_items')
      .selectAll()
      .where('account_id', '=', 'a1')
      .where('source_id', '=', 's1')
      .compile();
    expect(await planOf(q)).toMatch(
      dialect === 'sqlite' ? /USING PRIMARY KEY \(account_id=\?\)/ : /captured_items_pk/,
    );
  });

  it("finds a cancelled meeting's keys by key, not by scanning the account", async () => {
    // The shape of forgetCapturedKeys (calendar-meetings.repo.ts).
    const q = kysely(store.read)
      .deleteFrom('captured_items')
      .where('account_id', '=', 'a1')
      .where('source_id', '=', 's1')
      .where('item_key', 'in', ['m1', 'm9'])
      .compile();
    expect(await planOf(q)).toMatch(
      dialect === 'sqlite' ? /USING PRIMARY KEY \(account_id=\? AND item_key=\?\)/ : /captured_items_pk/,
    );
  });

  it('removes exactly the keys of that source', async () => {
    const found = await interactionsOfSource(store.read, 'a1', 's1');
    expect(found.map((k) => `${k.item_key} ${k.contact_id}`).sort()).toEqual(['m1 grace', 'm2 alan']);
    await store.transaction((tx) => deleteCapturedOfSource(tx, 'a1', 's1'));
    const left = await store.db
      .selectFrom('captured_items')
      .select(['account_id', 'item_key', 'contact_id', 'source_id'])
      .orderBy('account_id')
      .orderBy('item_key')
      .orderBy('contact_id')
      .execute();
    expect(left).toEqual([
      { account_id: 'a1', item_key: 'm1', contact_id: 'alan', source_id: 's2' },
      { account_id: 'a1', item_key: 'm3', contact_id: 'grace', source_id: null },
      { account_id: 'a2', item_key: 'm1', contact_id: 'grace', source_id: 's1' },
    ]);
  });
});

// An upgrade, not a fresh install: the keys stay, the index goes.
describe('the drop-captured-source-index migration on an existing SQLite database', () => {
  let db: Kysely<Database>;
  afterEach(async () => {
    await db?.destroy();
  });

  it('keeps every key and drops only the source index', async () => {
    const fixture = await capturedKeysDbAt('1796218910840-partial-contact-indexes');
    db = fixture.db;
    const { sqlite, key, rows } = fixture;
    await db
      .insertInto('captured_items')
      .values([key('m1', 'grace', 's1'), key('m2', 'alan', null)])
      .execute();
    const indexes = () =>
      sqlite
        .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'captured_items'")
        .pluck()
        .all();
    expect(indexes()).toContain('captured_items_source_idx');
    await migrateToLatest(db);
    expect(indexes()).toEqual([]);
    expect(await rows()).toEqual([
      { item_key: 'm1', contact_id: 'grace', source_id: 's1' },
      { item_key: 'm2', contact_id: 'alan', source_id: null },
    ]);
  });
});
