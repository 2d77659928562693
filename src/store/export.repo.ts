import { kysely } from './conn';
import type { Conn } from './store';

export interface ExportDateRow {
  contact_id: string;
  kind: string;
  month: number;
  day: number;
  year: number | null;
}

/** Birthdays and personal anniversaries of some contacts, oldest row first (the first one per kind wins). */
export async function exportDates(
  conn: Conn,
  accountId: string,
  contactIds: string[],
): Promise<ExportDateRow[]> {
  const db = kysely(conn);
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('important_dates')
    .select(['contact_id', 'kind', 'month', 'day', 'year'])
    .where('account_id', '=', accountId)
    .where('contact_id', 'in', contactIds)
    .where('kind', 'in', ['birthday', 'personal_anniversary'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The notes of some contacts, oldest first, for the vCard NOTE (imported notes come back out). */
export async function exportNotes(
  conn: Conn,
  accountId: string,
  contactIds: string[],
): Promise<{ contact_id: string; body: string }[]> {
  const db = kysely(conn);
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('notes')
    .select(['contact_id', 'body'])
    .where('account_id', '=', accountId)
    .where('contact_id', 'in', contactIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
