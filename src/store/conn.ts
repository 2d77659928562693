import type { Db } from './database';
import type { Conn } from './store';

/*
 * The one place a Conn becomes the Kysely handle it is, and back. Only src/store/ imports this
 * file (biome.json): a service holding a Conn can pass it to a repository, never build a query.
 */

/** The Kysely handle behind a connection (the database, or the open transaction). */
export function kysely(conn: Conn): Db {
  // Conn is a brand over this very handle (store.ts); the brand has no runtime form to check.
  return conn as unknown as Db;
}

/** A Kysely handle (or transaction) as the opaque Conn services pass around. */
export function asConn(db: Db): Conn {
  // The inverse of kysely(): the one place a handle gets its opaque brand.
  return db as unknown as Conn;
}
