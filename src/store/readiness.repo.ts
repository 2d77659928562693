import { sql } from 'kysely';
import { kysely } from './conn';
import type { Conn } from './store';

/** One round trip to the database; throws when it cannot answer. */
export async function pingDatabase(conn: Conn): Promise<void> {
  await sql`select 1`.execute(kysely(conn));
}
