import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids';
import { insertAccount } from '../../src/store/accounts.repo';
import { insertMany } from '../../src/store/chunks';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

/**
 * insertMany writes the same rows whichever way it takes: VALUES lists outside a transaction, the
 * dialect's bulk runner inside one (SQLite), and a failing row leaves nothing of the call behind.
 */
describe.each(dialects)('insertMany on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore(dialect);
  });
  afterEach(async () => {
    await store.close();
  });

  const account = async () => {
    const id = newId();
    await insertAccount(store.read, {
      id,
      name: 'A',
      time_zone: 'UTC',
      created_at: '2026-03-10T09:00:00.000Z',
    });
    return id;
  };
  const tagsOf = (accountId: string) =>
    store.db
      .selectFrom('tags')
      .select(['name'])
      .where('account_id', '=', accountId)
      .orderBy('name')
      .execute();

  it('stores the same rows in a transaction as outside one, at any count around the statement sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 1100 }),
        async (names) => {
          const [outside, inside] = [await account(), await account()];
          const rows = (accountId: string) =>
            names.map((name) => ({ account_id: accountId, id: newId(), name }));
          await insertMany(store.read, 'tags', rows(outside));
          await store.transaction((tx) => insertMany(tx, 'tags', rows(inside)));
          const got = (await tagsOf(inside)).map((t) => t.name);
          expect(got).toEqual((await tagsOf(outside)).map((t) => t.name));
          expect(new Set(got)).toEqual(new Set(names));
        },
      ),
      { seed: 13, numRuns: 8 },
    );
  });

  it('a row that breaks a constraint rolls the whole transaction back', async () => {
    const id = await account();
    const rows = Array.from({ length: 700 }, (_, i) => ({ account_id: id, id: newId(), name: `t${i}` }));
    rows.push({ account_id: id, id: newId(), name: 't3' });
    await expect(store.transaction((tx) => insertMany(tx, 'tags', rows))).rejects.toThrow();
    expect(await tagsOf(id)).toEqual([]);
  });
});
