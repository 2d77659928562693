import type { Db } from './database';

/**
 * A connection handle: the database, or a transaction in progress. Services hand it to repository
 * functions and never build queries with it; only src/store/ knows what it is.
 */
export type Conn = Db;

/** An open database of either dialect. Everything above store/ sees only this. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** @deprecated for services: use `read` and `transaction`; kept for store-internal wiring. */
  readonly db: Db;
  /** The handle for reads and single statements outside a transaction. */
  readonly read: Conn;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Conn) => Promise<T>): Promise<T>;
  /** An online, consistent copy of the whole database to `path` (SQLite only; PostgreSQL uses pg_dump). */
  backupTo(path: string): Promise<void>;
  close(): Promise<void>;
}
