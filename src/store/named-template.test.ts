import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kysely } from './conn';
import { runNamedTemplate } from './query-template';
import { openSqlite } from './sqlite';
import type { Store } from './store';

describe('runNamedTemplate', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openSqlite(':memory:');
  });
  afterAll(async () => {
    await store.close();
  });
  const query = (a: string, b: string, n: number) =>
    sql<{ a: string; b: string; n: number }>`select ${a} as a, ${b} as b, ${n} + 1 as n`;

  it('answers as the query built with its values does, building once per shape (property)', async () => {
    const db = kysely(store.read);
    let builds = 0;
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.integer(), async (a, b, n) => {
        const rows = await runNamedTemplate(db, 'test-pair', { a, b, n }, (value) => {
          builds += 1;
          // The markers stand in for values of any type: only the SQL text is kept.
          return sql`select ${value('a')} as a, ${value('b')} as b, ${value('n')} + 1 as n`.compile(db);
        });
        expect(rows).toEqual((await query(a, b, n).execute(db)).rows);
      }),
      { numRuns: 50, seed: 15 },
    );
    expect(builds).toBe(1);
  });

  it('refuses a value written into the query at build time, and a value it was not given', async () => {
    const db = kysely(store.read);
    await expect(
      runNamedTemplate(db, 'test-inlined', { a: 'x' }, (value) =>
        sql`select ${value('a')} as a, ${'fixed'} as b`.compile(db),
      ),
    ).rejects.toThrow('test-inlined: parameter 2 is not a named value');
    // Names built at run time (the dashboard's per-group values) are checked when bound.
    const given: Record<string, unknown> = { a: 'x' };
    await expect(
      runNamedTemplate(db, 'test-missing', given, (value) =>
        sql`select ${value('a')} as a, ${value('b')} as b`.compile(db),
      ),
    ).rejects.toThrow('test-missing: no value for b');
  });
});
