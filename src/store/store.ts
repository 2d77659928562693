declare const connection: unique symbol;

/**
 * A connection handle: the database, or a transaction in progress. Opaque: services hand it to
 * repository functions and cannot build queries with it; store/conn.ts unwraps it, in store/ only.
 */
export interface Conn {
  readonly [connection]: 'a connection only src/store/ can use';
}

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
