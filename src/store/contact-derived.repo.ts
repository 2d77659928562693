import { sql } from 'kysely';
import { chunks } from './chunks';
import { kysely } from './conn';
import type { ContactsTable } from './database';
import type { Conn } from './store';

/** The columns of a contact that follow from its interactions and cadence (services/schedule.ts). */
export type DerivedColumns = Pick<
  ContactsTable,
  | 'health_score'
  | 'health_computed_at'
  | 'last_interaction_at'
  | 'last_meaningful_at'
  | 'last_inbound_at'
  | 'last_reply_channel'
  | 'next_due_at'
>;

// 8 values a row: 200 rows stay far under SQLite's and PostgreSQL's bound-parameter limits.
const ROWS_PER_UPDATE = 200;

/**
 * Writes the derived columns of many contacts, one UPDATE … FROM (VALUES …) per 200 of them
 * (SQLite ≥ 3.33 and PostgreSQL both name the VALUES columns column1…): a capture batch touches
 * thousands of contacts, and building one UPDATE per contact was a fifth of an mbox import.
 */
export async function updateDerivedColumns(
  conn: Conn,
  accountId: string,
  rows: readonly ({ id: string } & DerivedColumns)[],
): Promise<void> {
  const db = kysely(conn);
  for (const part of chunks(rows, ROWS_PER_UPDATE)) {
    // PostgreSQL types an untyped VALUES parameter as text: the score is cast back to an integer.
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${r.id}, cast(${r.health_score} as integer), ${r.health_computed_at}, ${r.last_interaction_at}, ${r.last_meaningful_at}, ${r.last_inbound_at}, ${r.last_reply_channel}, ${r.next_due_at})`,
      ),
    );
    await sql`update contacts set health_score = v.column2, health_computed_at = v.column3,
      last_interaction_at = v.column4, last_meaningful_at = v.column5, last_inbound_at = v.column6,
      last_reply_channel = v.column7, next_due_at = v.column8
      from (values ${values}) as v
      where contacts.account_id = ${accountId} and contacts.id = v.column1`.execute(db);
  }
}
