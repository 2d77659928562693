import { sql } from 'kysely';
import { bulkRunnerOf } from './bulk-runner';
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

/** The single-row UPDATE's SQL by dialect adapter (SQLite writes `?`, PostgreSQL `$1`). */
const singleRowUpdate = new WeakMap<object, string>();

/** One contact's parameters for the single-row UPDATE, in its placeholders' order. */
const cells = (accountId: string, r: { id: string } & DerivedColumns): unknown[] => [
  r.health_score,
  r.health_computed_at,
  r.last_interaction_at,
  r.last_meaningful_at,
  r.last_inbound_at,
  r.last_reply_channel,
  r.next_due_at,
  accountId,
  r.id,
];

/**
 * Writes the derived columns of many contacts. Inside a transaction on SQLite, one prepared
 * single-row UPDATE runs per contact on the dialect's bulk runner: SQLite's own work is the same
 * as with VALUES lists (raw, 26,700 contacts: 0.55 s either way), and this skips Kysely building
 * and binding 134 statements of 1,600 parameters (bench/RESULTS.md, Capture).
 * Elsewhere one UPDATE … FROM (VALUES …) per 200 of them (SQLite ≥ 3.33 and PostgreSQL both name
 * the VALUES columns column1…), as one statement per contact would be a round trip each.
 */
export async function updateDerivedColumns(
  conn: Conn,
  accountId: string,
  rows: readonly ({ id: string } & DerivedColumns)[],
): Promise<void> {
  const db = kysely(conn);
  const adapter = db.getExecutor().adapter;
  const bulk = db.isTransaction ? bulkRunnerOf(adapter) : undefined;
  if (bulk) {
    let text = singleRowUpdate.get(adapter);
    if (text === undefined) {
      // Only the SQL text is kept: the placeholders take each row's cells, in cells()' order.
      text = sql`update contacts set health_score = ${null}, health_computed_at = ${null},
        last_interaction_at = ${null}, last_meaningful_at = ${null}, last_inbound_at = ${null},
        last_reply_channel = ${null}, next_due_at = ${null}
        where account_id = ${null} and id = ${null}`.compile(db).sql;
      singleRowUpdate.set(adapter, text);
    }
    bulk.runMany(
      text,
      rows.map((r) => cells(accountId, r)),
    );
    return;
  }
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
