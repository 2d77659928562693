import { join } from 'node:path';
import type { Config } from '../config';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Store } from './store';

/** DATABASE_URL chooses PostgreSQL; otherwise SQLite under the data directory. */
export function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(join(config.dataDir, 'tend.db'));
}
