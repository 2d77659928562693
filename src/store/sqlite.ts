import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { registerBulkRunner } from './bulk-runner';
import { asConn, kysely } from './conn';
import type { Database } from './database';
import { registerJsonRows } from './json-rows';
import { migrateToLatest } from './migrate';
import { cachedStatements } from './statement-cache';
import type { Store } from './store';

/** Opens (creating if needed) a SQLite database; ':memory:' for tests. */
export async function openSqlite(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  const store = sqliteStore(sqlite, path);
  await migrateToLatest(kysely(store.read));
  return store;
}

/**
 * A store over an open better-sqlite3 handle, as is: no migration. openSqlite migrates after;
 * tests hand it an in-memory copy of a database migrated once (`new SQLite(buffer)`).
 */
export function sqliteStore(sqlite: SQLite.Database, location: string): Store {
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL + NORMAL is durable across application crashes; only a power loss can drop the last commit.
  sqlite.pragma('synchronous = NORMAL');
  const statements = cachedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  registerBulkRunner(db.getExecutor().adapter, {
    runMany: (text, rows) => {
      const statement = statements.prepare(text);
      for (const row of rows) statement.run(row);
    },
  });
  registerJsonRows(db.getExecutor().adapter, { agg: 'json_group_array', array: 'json_array' });
  return {
    read: asConn(db),
    // One connection writes at a time, so every transaction is already serializable.
    transaction: (fn) => db.transaction().execute((trx) => fn(asConn(trx))),
    location,
    // One process owns the file, so croner in that process runs the tick.
    jobRunner: { kind: 'in-process' },
    backupTo: async (target) => {
      mkdirSync(dirname(target), { recursive: true });
      await sqlite.backup(target);
    },
    close: () => db.destroy(),
  };
}
