import type { Insertable, Selectable } from 'kysely';
import { chunks, insertMany } from './chunks';
import { kysely } from './conn';
import type { CalendarMeetingsTable } from './database';
import { int, text } from './json-rows';
import { queryTemplate } from './query-template';
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

/** meetingsBetween built once (store/query-template.ts): Today's meetings reason asks on every call. */
const meetingsTemplate = queryTemplate<{ accountId: string; from: string; to: string; limit: number }>({
  key: () => 'between',
  sentinel: (_, s) => ({ accountId: s.text(), from: s.text(), to: s.text(), limit: s.int() }),
  slots: (v) => [v.accountId, v.from, v.to, v.limit],
  build: (db, v) =>
    db
      .selectFrom('calendar_meetings')
      .selectAll()
      .where('account_id', '=', v.accountId)
      .where('starts_at', '>=', v.from)
      .where('starts_at', '<=', v.to)
      .orderBy('starts_at')
      .orderBy('contact_id')
      .limit(v.limit),
});

/** The account's meetings starting in [from, to], earliest first, one row per contact. */
export async function meetingsBetween(
  conn: Conn,
  accountId: string,
  from: string,
  to: string,
  limit: number,
): Promise<CalendarMeetingRow[]> {
  const db = kysely(conn);
  const rows = await db.executeQuery<Record<string, unknown>>(
    meetingsTemplate(db, { accountId, from, to, limit }),
  );
  // The columns in the table's order, as `select *` read them.
  return rows.rows.map((r) => ({
    account_id: text(r.account_id),
    source_id: text(r.source_id),
    item_key: text(r.item_key),
    contact_id: text(r.contact_id),
    starts_at: text(r.starts_at),
    all_day: int(r.all_day),
    title: text(r.title),
  }));
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
