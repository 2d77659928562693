import { sql } from 'kysely';
import { UNTRACKED_CADENCES } from '../core/cadence';
import { CADENCE_KINDS, type HolidayKind } from '../core/vocabulary';
import type { CircleRow } from './circles.repo';
import { kysely } from './conn';
import { decodeHolidayKinds } from './json-columns';
import { int, oneOf, text, textOrNull } from './json-rows';
import { queryTemplate } from './query-template';
import type { Conn } from './store';

export interface HolidaySettingRow {
  circle_id: string;
  kinds: HolidayKind[];
  lead_days: number;
  updated_at: string;
}

export async function listHolidaySettings(conn: Conn, accountId: string): Promise<HolidaySettingRow[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('holiday_settings')
    .select(['circle_id', 'kinds', 'lead_days', 'updated_at'])
    .where('account_id', '=', accountId)
    .orderBy('circle_id')
    .execute();
  return rows.map((r) => ({ ...r, kinds: decodeHolidayKinds(r.kinds, 'holiday_settings.kinds') }));
}

/**
 * The holiday settings of circles that still exist, each with its circle's cadence kind, ordered by
 * circle: one statement where the settings and every circle's whole row were two (Today reads
 * them on every call).
 */
export async function holidaySettingsOfCircles(
  conn: Conn,
  accountId: string,
): Promise<(HolidaySettingRow & { cadence_kind: CircleRow['cadence_kind'] })[]> {
  const db = kysely(conn);
  const rows = await db.executeQuery<Record<string, unknown>>(todayTemplates.settings(db, { accountId }));
  return rows.rows.map((r) => ({
    circle_id: text(r.circle_id),
    kinds: decodeHolidayKinds(text(r.kinds), 'holiday_settings.kinds'),
    lead_days: int(r.lead_days),
    updated_at: text(r.updated_at),
    cadence_kind: cadenceKind(r.cadence_kind),
  }));
}

const cadenceKind = oneOf(CADENCE_KINDS);

type HolidayContactsWindow = {
  accountId: string;
  countries: readonly string[];
  circleIds: readonly string[];
  trackedCircleIds: readonly string[];
  now: string;
  limit: number;
};

/** The two reads Today's holiday reasons make on every call, built once per shape (store/query-template.ts). */
const todayTemplates = {
  settings: queryTemplate<{ accountId: string }>({
    key: () => 'settings',
    sentinel: (_, s) => ({ accountId: s.text() }),
    slots: (v) => [v.accountId],
    build: (db, { accountId }) =>
      db
        .selectFrom('holiday_settings as h')
        .innerJoin('circles as c', (j) =>
          j.onRef('c.account_id', '=', 'h.account_id').onRef('c.id', '=', 'h.circle_id'),
        )
        .select(['h.circle_id', 'h.kinds', 'h.lead_days', 'h.updated_at', 'c.cadence_kind'])
        .where('h.account_id', '=', accountId)
        .orderBy('h.circle_id'),
  }),
  contacts: queryTemplate<HolidayContactsWindow>({
    key: (v) => `${v.countries.length}|${v.circleIds.length}|${v.trackedCircleIds.length}`,
    sentinel: (v, s) => ({
      accountId: s.text(),
      countries: v.countries.map(() => s.text()),
      circleIds: v.circleIds.map(() => s.text()),
      trackedCircleIds: v.trackedCircleIds.map(() => s.text()),
      now: s.text(),
      limit: s.int(),
    }),
    slots: (v) => [v.accountId, ...v.countries, ...v.circleIds, ...v.trackedCircleIds, v.now, v.limit],
    build: (db, w) => {
      const tracked = [...w.trackedCircleIds];
      // Snoozed and skipped contacts are left out by one primary-key seek per contact read
      // (not exists), where `id not in (…)` first listed every decision of the account: half of
      // this read at 100,000 contacts (265 decisions).
      return db
        .selectFrom('contacts')
        .select(['id', 'time_zone', 'holiday_country', 'circle_id'])
        .where('account_id', '=', w.accountId)
        .where('holiday_country', 'in', [...w.countries])
        .where('circle_id', 'in', [...w.circleIds])
        .where('tracked', '=', 1)
        .where((eb) =>
          eb.or([
            eb('cadence_kind', 'not in', [...UNTRACKED_CADENCES]),
            ...(tracked.length
              ? [eb.and([eb('cadence_kind', 'is', null), eb('circle_id', 'in', tracked)])]
              : []),
          ]),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('queue_decisions as q')
                .select('q.contact_id')
                .whereRef('q.account_id', '=', 'contacts.account_id')
                .whereRef('q.contact_id', '=', 'contacts.id')
                .where('q.until_at', '>', w.now),
            ),
          ),
        )
        .orderBy('holiday_country')
        .orderBy('circle_id')
        .orderBy('id')
        .limit(w.limit);
    },
  }),
};

/** Replaces the account's whole holiday choice (one row per circle that has one). */
export async function replaceHolidaySettings(
  conn: Conn,
  accountId: string,
  rows: readonly { circleId: string; kinds: readonly HolidayKind[]; leadDays: number }[],
  now: string,
): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('holiday_settings').where('account_id', '=', accountId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('holiday_settings')
    .values(
      rows.map((r) => ({
        account_id: accountId,
        circle_id: r.circleId,
        kinds: JSON.stringify(r.kinds),
        lead_days: r.leadDays,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * The distinct holiday countries of an account's contacts, by a loose index scan over
 * contacts_holiday_idx (one seek per country, about 200 at most) instead of reading every contact.
 * The index holds only contacts with a country, so the first seek says `is not null` to be allowed it.
 */
export async function holidayCountriesInUse(conn: Conn, accountId: string): Promise<string[]> {
  const db = kysely(conn);
  const rows = await db.executeQuery<Record<string, unknown>>(countriesTemplate(db, { accountId }));
  return rows.rows.map((r) => textOrNull(r.country)).filter((c): c is string => c !== null);
}

/** holidayCountriesInUse's walk, compiled once (store/query-template.ts): Today asks on every call. */
const countriesTemplate = queryTemplate<{ accountId: string }>({
  key: () => 'countries',
  sentinel: (_, s) => ({ accountId: s.text() }),
  slots: (v) => [v.accountId],
  build: (db, { accountId }) => {
    const walk = sql<{ country: string | null }>`
    with recursive c(country) as (
      select min(holiday_country) from contacts
        where account_id = ${accountId} and holiday_country is not null
      union all
      select (select min(holiday_country) from contacts
              where account_id = ${accountId} and holiday_country > c.country)
      from c where c.country is not null
    )
    select country from c where country is not null`;
    return { compile: () => walk.compile(db) };
  },
});

/**
 * Tracked contacts of some circles in some holiday countries, not snoozed or skipped at `now`,
 * with a cadence of their own or, in `trackedCircleIds`, their circle's. In the order of
 * contacts_holiday_idx (country, circle, id), so the LIMIT stops the index walk early.
 */
export async function holidayContacts(
  conn: Conn,
  accountId: string,
  w: {
    countries: readonly string[];
    circleIds: readonly string[];
    trackedCircleIds: readonly string[];
    now: string;
    limit: number;
  },
): Promise<
  { id: string; time_zone: string | null; holiday_country: string | null; circle_id: string | null }[]
> {
  if (w.countries.length === 0 || w.circleIds.length === 0 || w.limit <= 0) return [];
  const db = kysely(conn);
  const rows = await db.executeQuery<Record<string, unknown>>(
    todayTemplates.contacts(db, { accountId, ...w }),
  );
  return rows.rows.map((r) => ({
    id: text(r.id),
    time_zone: textOrNull(r.time_zone),
    holiday_country: textOrNull(r.holiday_country),
    circle_id: textOrNull(r.circle_id),
  }));
}

/** Names of tracked contacts in some circles and countries, for the calendar feed (bounded). */
export async function holidayFeedContacts(
  conn: Conn,
  accountId: string,
  w: { circleIds: readonly string[]; countries: readonly string[]; limit: number },
): Promise<
  {
    id: string;
    first_name: string;
    last_name: string;
    holiday_country: string | null;
    circle_id: string | null;
    cadence_kind: string | null;
  }[]
> {
  const db = kysely(conn);
  if (w.circleIds.length === 0 || w.countries.length === 0) return [];
  return db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name', 'holiday_country', 'circle_id', 'cadence_kind'])
    .where('account_id', '=', accountId)
    .where('tracked', '=', 1)
    .where('holiday_country', 'in', [...w.countries])
    .where('circle_id', 'in', [...w.circleIds])
    .orderBy('sort_name')
    .orderBy('id')
    .limit(w.limit)
    .execute();
}
