import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { kysely } from '../../src/store/conn';
import type { Db } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { postgresStore } from '../../src/store/postgres';
import { sqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/store';

export type DialectName = 'sqlite' | 'postgres';

/**
 * A store as tests see it: what services get, plus the raw Kysely handle and the dialect, so a
 * test can set up or inspect rows that no API writes or shows. Services never see these two.
 */
export interface TestStore extends Store {
  readonly db: Db;
  readonly kind: DialectName;
}

/** Raw access beside a store the test opened itself. */
export function withRaw(store: Store, kind: DialectName): TestStore {
  return { ...store, db: kysely(store.read), kind };
}
/** Every integration suite runs over both: `describe.each(dialects)`. */
export const dialects: DialectName[] = ['sqlite', 'postgres'];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The bytes of an empty, migrated in-memory SQLite database, made once per test file: migrating
 * took ~40 ms a store, copying these takes well under one.
 */
let sqliteTemplate: Promise<Buffer> | undefined;
function migratedSqlite(): Promise<Buffer> {
  sqliteTemplate ??= (async () => {
    const handle = new SQLite(':memory:');
    const store = sqliteStore(handle, ':memory:');
    try {
      await migrateToLatest(kysely(store.read));
      return handle.serialize();
    } finally {
      await store.close();
    }
  })();
  return sqliteTemplate;
}

/**
 * A fresh, migrated, empty database: an in-memory SQLite copy of one migrated database, or a
 * PostgreSQL database cloned from the template (migrated by the global setup).
 */
export async function freshStore(dialect: DialectName): Promise<TestStore> {
  if (dialect === 'sqlite')
    return withRaw(sqliteStore(new SQLite(await migratedSqlite()), ':memory:'), 'sqlite');
  const name = `t_${randomBytes(6).toString('hex')}`;
  // Two CREATE DATABASE … TEMPLATE at once fail with "source database is being accessed by other
  // users" (parallel test files); retry with a short pause rather than serialising every suite.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`));
      break;
    } catch (error) {
      if (attempt >= 50 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    }
  }
  const store = postgresStore(inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`), 4);
  return {
    ...withRaw(store, 'postgres'),
    close: async () => {
      await store.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
}
