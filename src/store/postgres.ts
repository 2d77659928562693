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
    kind: 'postgres',
    db,
    read: db,
    transaction: (fn) => db.transaction().execute(fn),
    backupTo: async () => {
      throw new Error('Online backup of PostgreSQL is pg_dump: see docs/backup.md');
    },
    close: () => db.destroy(),
  };
}
