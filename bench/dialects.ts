import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openPostgres } from '../src/store/postgres';
import { openSqlite } from '../src/store/sqlite';
import type { Store } from '../src/store/store';
import { startThrowawayPostgres } from '../test/setup/throwaway-postgres';
import type { RawQuery } from './baseline';
import { type Generated, postgresDataset, sqliteDataset } from './generate';

/** One database under test: the app's store, the raw driver beside it, and its plan explainer. */
export interface BenchTarget {
  dialect: 'sqlite' | 'postgres';
  store: Store;
  raw: RawQuery;
  explain(sql: string, params: unknown[]): Promise<string[]>;
  generated: Generated;
  close(): Promise<void>;
}

/** The cached SQLite data set, opened through the app's openSqlite and through a raw better-sqlite3 handle. */
export async function sqliteTarget(): Promise<BenchTarget> {
  const generated = await sqliteDataset();
  const store = await openSqlite(generated.path);
  const db = new SQLite(generated.path, { readonly: true });
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    dialect: 'sqlite',
    store,
    generated,
    raw: async (sql, params) => prepared(sql).all(...params) as Record<string, unknown>[],
    explain: async (sql, params) => {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const depth = new Map<number, number>([[0, -1]]);
      return rows.map((r) => {
        const d = (depth.get(r.parent) ?? -1) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      });
    },
    close: async () => {
      db.close();
      await store.close();
    },
  };
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** A throwaway cluster loaded with the same generated data; closing it deletes the cluster. */
export async function postgresTarget(): Promise<BenchTarget> {
  const cluster = await startThrowawayPostgres();
  const stopOnSignal = () => {
    cluster.stop();
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const url = cluster.urlOf('bench');
    const generated = await postgresDataset(url);
    const store = await openPostgres(url);
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return {
      dialect: 'postgres',
      store,
      generated,
      raw: async (sql, params) => (await pool.query(numbered(sql), params)).rows,
      explain: async (sql, params) =>
        (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${numbered(sql)}`, params)).rows.map(
          (r) => r['QUERY PLAN'],
        ),
      close: async () => {
        try {
          await pool.end();
          await store.close();
        } finally {
          process.off('SIGINT', stopOnSignal);
          cluster.stop();
        }
      },
    };
  } catch (e) {
    process.off('SIGINT', stopOnSignal);
    cluster.stop();
    throw e;
  }
}
