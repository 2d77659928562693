import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { asConn, kysely } from './conn';
import type { Database } from './database';
import { registerJsonRows } from './json-rows';
import { migrateToLatest } from './migrate';
import type { Store } from './store';

/**
 * An idle pooled connection that the server ends (a restart, a dropped test database: FATAL
 * 57P01) is an 'error' event on the pool; with no listener Node throws it as an uncaught
 * exception and the process dies. pg has already removed the client, so the next query opens a
 * new one: saying so is enough.
 */
function idleClientFailed(error: Error): void {
  console.error(`tend: an idle PostgreSQL connection ended (${error.message}); the pool opens a new one`);
}

/** Connects to PostgreSQL and brings the schema up to date. */
export async function openPostgres(
  url: string,
  poolSize = 10,
  onIdleError: (error: Error) => void = idleClientFailed,
): Promise<Store> {
  const store = postgresStore(url, poolSize, onIdleError);
  await migrateToLatest(kysely(store.read));
  return store;
}

/**
 * A store over a pool on `url`, as is: no migration. openPostgres migrates after; tests use it on
 * a database cloned from a migrated template.
 */
export function postgresStore(
  url: string,
  poolSize = 10,
  onIdleError: (error: Error) => void = idleClientFailed,
): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', onIdleError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  registerJsonRows(db.getExecutor().adapter, { agg: 'json_agg', array: 'json_build_array' });
  return {
    read: asConn(db),
    transaction: (fn, options) =>
      (options?.serializable ? db.transaction().setIsolationLevel('serializable') : db.transaction()).execute(
        (trx) => fn(asConn(trx)),
      ),
    location: 'PostgreSQL',
    // Several app instances may share this database: pg-boss hands each tick to one of them.
    jobRunner: { kind: 'pg-boss', connectionString: url },
    backupTo: null,
    close: () => db.destroy(),
  };
}
