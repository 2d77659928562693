import type { Db } from './database';

/** An open database of either dialect. Everything above store/ sees only this. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Db;
  /** An online, consistent copy of the whole database to `path` (SQLite only; PostgreSQL uses pg_dump). */
  backupTo(path: string): Promise<void>;
  close(): Promise<void>;
}
