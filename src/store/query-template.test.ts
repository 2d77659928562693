import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { queryTemplate } from './query-template';

interface Db {
  t: { id: number; v: string; n: number };
}

function open() {
  const raw = new SQLite(':memory:');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n INTEGER NOT NULL)');
  const insert = raw.prepare('INSERT INTO t (v, n) VALUES (?, ?)');
  for (let i = 0; i < 40; i++) insert.run(`v${i % 7}`, i);
  return new Kysely<Db>({ dialect: new SqliteDialect({ database: raw }) });
}

type Values = { vs: string[]; min: number; limit: number };
const query = (db: Kysely<Db>, v: Values) =>
  db
    .selectFrom('t')
    .select(['id', 'v', 'n'])
    .where('v', 'in', v.vs)
    .where('n', '>=', v.min)
    // A constant the builder writes itself: kept as it is, not taken for a value.
    .where('id', '>', 0)
    .orderBy('id')
    .limit(v.limit);

function template(built: { count: number }, build = query) {
  return queryTemplate<Values, Db>({
    key: (v) => String(v.vs.length),
    sentinel: (v, s) => ({ vs: v.vs.map(() => s.text()), min: s.int(), limit: s.int() }),
    slots: (v) => [...v.vs, v.min, v.limit],
    build: (db, v) => {
      built.count++;
      return build(db, v);
    },
  });
}

const values = fc.record({
  vs: fc.uniqueArray(fc.constantFrom('v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'x'), {
    minLength: 1,
    maxLength: 5,
  }),
  min: fc.integer({ min: 0, max: 45 }),
  limit: fc.integer({ min: 0, max: 50 }),
});

describe('queryTemplate', () => {
  it('sends the SQL Kysely builds, with each call’s values, built once per shape', async () => {
    const db = open();
    const built = { count: 0 };
    const t = template(built);
    const shapes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        shapes.add(v.vs.length);
        const plain = query(db, v).compile();
        const compiled = t(db, v);
        expect(compiled.sql).toBe(plain.sql);
        expect(compiled.parameters).toEqual(plain.parameters);
        expect((await db.executeQuery(compiled)).rows).toEqual(await query(db, v).execute());
      }),
    );
    expect(built.count).toBe(shapes.size);
    await db.destroy();
  });

  it('refuses a parameter computed from a value, which would be wrong on every other call', () => {
    const db = open();
    const t = template({ count: 0 }, (d, v) => query(d, { ...v, limit: v.limit + 1 }));
    expect(() => t(db, { vs: ['v1'], min: 0, limit: 3 })).toThrow(/computed from a value/);
  });
});
