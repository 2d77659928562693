import type { Db } from './database';

/**
 * A connection handle: the database, or a transaction in progress. Services hand it to repository
 * functions and never build queries with it; only src/store/ knows what it is.
 */
export type Conn = Db;

/**
 * How scheduled work runs on this database: in this process (SQLite is one process), or through
 * pg-boss on the database itself so that several app instances share one tick.
 */
export type JobRunner = { kind: 'in-process' } | { kind: 'pg-boss'; connectionString: string };

export interface TransactionOptions {
  /** Serializable isolation (PostgreSQL; SQLite runs one write transaction at a time anyway). */
  serializable?: boolean;
}

/**
 * An open database of either dialect. Everything above store/ sees only this: no Kysely instance,
 * no dialect name; what differs between the dialects is a capability below.
 */
export interface Store {
  /** The handle for reads and single statements outside a transaction. */
  readonly read: Conn;
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Conn) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Where the data lives, for the start-up log. */
  readonly location: string;
  readonly jobRunner: JobRunner;
  /**
   * An online, consistent copy of the whole database to a file, or null where the database has
   * its own tool for that (PostgreSQL: pg_dump, docs/backup.md).
   */
  readonly backupTo: ((path: string) => Promise<void>) | null;
  close(): Promise<void>;
}
