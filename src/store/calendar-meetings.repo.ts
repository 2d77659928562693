import type { Insertable, Selectable } from 'kysely';
import { chunks, insertMany } from './chunks';
import { kysely } from './conn';
import type { CalendarMeetingsTable } from './database';
import { rowsByIds } from './rows-by-ids';
import type { Conn } from './store';

export type CalendarMeetingRow = Selectable<CalendarMeetingsTable>;

/** The source's upcoming meetings become exactly these (a sync sees the whole calendar). */
export async function replaceSourceMeetings(
  conn: Conn,
  accountId: string,
  sourceId: string,
  rows: readonly Insertable<CalendarMeetingsTable>[],
): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('calendar_meetings')
    .where('account_id', '=', accountId)
    .where('source_id', '=', sourceId)
    .execute();
  if (rows.length > 0) await insertMany(conn, 'calendar_meetings', rows);
}

/** The account's meetings starting in [from, to], earliest first, one row per contact. */
export async function meetingsBetween(
  conn: Conn,
  accountId: string,
  from: string,
  to: string,
  limit: number,
): Promise<CalendarMeetingRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('calendar_meetings')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<=', to)
    .orderBy('starts_at')
    .orderBy('contact_id')
    .limit(limit)
    .execute();
}

/** Forgets captured items of a source by key (a cancelled meeting's), so they can never count again. */
export async function forgetCapturedKeys(
  conn: Conn,
  accountId: string,
  sourceId: string,
  keys: readonly string[],
): Promise<void> {
  const db = kysely(conn);
  for (const part of chunks([...new Set(keys)]))
    if (part.length > 0)
      await db
        .deleteFrom('captured_items')
        .where('account_id', '=', accountId)
        .where('source_id', '=', sourceId)
        .where('item_key', 'in', part)
        .execute();
}

/** When and what the given interactions say (a re-read compares them with the calendar in one query per 500). */
export async function interactionTimes(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
): Promise<{ id: string; occurred_at: string; summary: string | null }[]> {
  const db = kysely(conn);
  return rowsByIds([...new Set(ids)], (part) =>
    db
      .selectFrom('interactions')
      .select(['id', 'occurred_at', 'summary'])
      .where('account_id', '=', accountId)
      .where('id', 'in', part)
      .execute(),
  );
}
