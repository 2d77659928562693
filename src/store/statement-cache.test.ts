import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachedStatements } from './statement-cache';

interface Db {
  t: { id: number; v: string };
}

function open(max?: number, maxLong?: number) {
  const raw = new SQLite(':memory:');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const cached = cachedStatements(raw, max, maxLong);
  return { raw, cached, db: new Kysely<Db>({ dialect: new SqliteDialect({ database: cached }) }) };
}

describe('cachedStatements', () => {
  it('answers every query as an uncached handle does, writes and reads interleaved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 20 }), v: fc.string({ maxLength: 5 }) }), {
          maxLength: 30,
        }),
        async (writes) => {
          const { raw, db } = open(3);
          const plain = new SQLite(':memory:');
          plain.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
          for (const w of writes) {
            await db
              .insertInto('t')
              .values(w)
              .onConflict((oc) => oc.column('id').doUpdateSet({ v: w.v }))
              .execute();
            plain
              .prepare('INSERT INTO t (id, v) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET v = ?')
              .run(w.id, w.v, w.v);
            const mine = await db.selectFrom('t').selectAll().where('id', '<=', w.id).orderBy('id').execute();
            expect(mine).toEqual(plain.prepare('SELECT * FROM t WHERE id <= ? ORDER BY id').all(w.id));
          }
          await db.destroy();
          plain.close();
          expect(raw.open).toBe(false);
        },
      ),
      { seed: 15, numRuns: 40 },
    );
  });

  it('holds at most its bound, keeps the recently used, and empties on close', async () => {
    const { cached, db } = open(4);
    for (let n = 0; n < 50; n++) await sql`SELECT ${sql.lit(n)} AS n`.execute(db);
    expect(cached.size()).toBe(4);
    await db.destroy();
    expect(cached.size()).toBe(0);
  });

  it('keeps long texts (multi-row inserts) in a cache of their own, as bounded', async () => {
    const { cached, db } = open(4, 2);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, v: `v${i}` }));
    // 500 rows is a text far over CACHED_SQL_LENGTH; the same statement twice is compiled once.
    await db.insertInto('t').values(rows(500)).execute();
    await db.deleteFrom('t').execute();
    await db.insertInto('t').values(rows(500)).execute();
    expect(cached.size()).toBe(2);
    const text = db.insertInto('t').values(rows(500)).compile().sql;
    expect(text.length).toBeGreaterThan(2000);
    expect(cached.prepare(text)).toBe(cached.prepare(text));
    for (const n of [300, 400, 450]) {
      await db.deleteFrom('t').execute();
      await db.insertInto('t').values(rows(n)).execute();
    }
    expect(cached.size()).toBe(3);
    expect(
      await db
        .selectFrom('t')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual({
      n: 450,
    });
    await db.destroy();
    expect(cached.size()).toBe(0);
  });

  it('prepares afresh while the cached statement is still being iterated', () => {
    const { raw, cached } = open();
    raw.exec("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b')");
    const text = 'SELECT v FROM t ORDER BY id';
    const first = cached.prepare(text);
    const rows = first.iterate([]);
    rows.next();
    const second = cached.prepare(text);
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect([...rows]).toEqual([{ v: 'b' }]);
    expect(cached.prepare(text)).toBe(first);
    cached.close();
  });
});
