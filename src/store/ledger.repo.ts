import type { Insertable, Selectable } from 'kysely';
import type { LedgerKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { LedgerEntriesTable } from './database';
import type { Conn } from './store';

export type LedgerEntryRow = Selectable<LedgerEntriesTable>;

export async function insertLedgerEntries(conn: Conn, rows: Insertable<LedgerEntriesTable>[]): Promise<void> {
  const db = kysely(conn);
  if (rows.length > 0) await db.insertInto('ledger_entries').values(rows).execute();
}

/** Newest first. */
export async function listLedgerEntries(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<LedgerEntryRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

/** Entries per kind for one contact, for its balance (independent of the list's limit). */
export async function contactLedgerCounts(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<{ kind: LedgerKind; n: number }[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['kind', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
}

/** Entries per contact and kind over the whole account. */
export async function networkLedgerCounts(
  conn: Conn,
  accountId: string,
): Promise<{ contact_id: string; kind: LedgerKind; n: number }[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['contact_id', 'kind', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('account_id', '=', accountId)
    .groupBy(['contact_id', 'kind'])
    .execute();
  return rows.map((r) => ({ contact_id: r.contact_id, kind: r.kind, n: Number(r.n) }));
}

export async function deleteLedgerEntry(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('ledger_entries')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Display names of the given contacts (for the network's top lists). */
export async function contactNames(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const db = kysely(conn);
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name'])
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`.trim()]));
}
