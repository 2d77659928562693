import { join } from 'node:path';
import type { Config } from '../config';
import { openSqlite } from './sqlite';
import type { Store } from './store';

/**
 * DATABASE_URL chooses PostgreSQL; otherwise SQLite under the data directory. The PostgreSQL
 * driver is imported only then: loading pg was ~10% of a local `tend` command's CPU.
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  if (!config.databaseUrl) return openSqlite(join(config.dataDir, 'tend.db'));
  const { openPostgres } = await import('./postgres');
  return openPostgres(config.databaseUrl);
}
