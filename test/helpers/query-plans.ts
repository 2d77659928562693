import SQLite from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { kysely } from '../../src/store/conn';
import type { Conn } from '../../src/store/store';
import type { TestStore } from './stores';

/** The SQL texts and parameters `fn` sends, caught where each driver takes them. */
export async function sent(fn: () => Promise<unknown>): Promise<{ sql: string; parameters: unknown[] }[]> {
  const seen: { sql: string; parameters: unknown[] }[] = [];
  const prepare = SQLite.prototype.prepare;
  const query = pg.Client.prototype.query;
  // A statement already in the store's cache is not prepared again: every test opens a fresh store.
  SQLite.prototype.prepare = function (this: SQLite.Database, text: string) {
    const statement = prepare.call(this, text);
    const run = statement.all.bind(statement);
    // Kysely's driver hands over the parameters as one array.
    statement.all = (parameters: unknown[]) => {
      seen.push({ sql: text, parameters });
      return run(parameters);
    };
    return statement;
  } as typeof prepare;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this only watches them.
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    if (typeof args[0] === 'string') seen.push({ sql: args[0], parameters: args[1] ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    SQLite.prototype.prepare = prepare;
    pg.Client.prototype.query = query;
  }
  return seen.filter((s) => /^\s*(with|select)/i.test(s.sql));
}

/** Each statement's plan, as the database would run it with these parameters. */
export async function plans(store: TestStore, fn: (c: Conn) => Promise<unknown>): Promise<string> {
  return store.transaction(async (tx) => {
    const statements = await sent(() => fn(tx));
    expect(statements.length).toBeGreaterThan(0);
    const db = kysely(tx);
    // A few rows make a sequential scan cheapest on PostgreSQL; the question is whether the index can serve.
    if (store.kind === 'postgres') await sql`SET LOCAL enable_seqscan = off`.execute(db);
    const out: unknown[] = [];
    for (const s of statements) {
      const explain = store.kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
      out.push((await db.executeQuery(CompiledQuery.raw(`${explain} ${s.sql}`, s.parameters))).rows);
    }
    return JSON.stringify(out);
  });
}
