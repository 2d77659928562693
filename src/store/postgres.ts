import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { migrateToLatest } from './migrate';
import type { Store } from './store';

/** Connects to PostgreSQL and brings the schema up to date. */
export async function openPostgres(url: string, poolSize = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  return {
    read: db,
    transaction: (fn, options) =>
      options?.serializable
        ? db.transaction().setIsolationLevel('serializable').execute(fn)
        : db.transaction().execute(fn),
    location: 'PostgreSQL',
    // Several app instances may share this database: pg-boss hands each tick to one of them.
    jobRunner: { kind: 'pg-boss', connectionString: url },
    backupTo: null,
    close: () => db.destroy(),
  };
}
