import { type Insertable, type Selectable, sql } from 'kysely';
import { holidayCountry } from '../core/holiday-country';
import type { CadenceKind, LinkKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { ContactsTable } from './database';
import { rowsByIds } from './rows-by-ids';
import { foldSearchParts, searchTerms } from './search-text';
import type { Conn } from './store';

export type ContactRow = Selectable<ContactsTable>;
export interface ContactChildren {
  emails: { value: string; label: string | null }[];
  phones: { value: string; e164: string | null; label: string | null }[];
  links: { kind: LinkKind; url: string }[];
  tags: string[];
}
/** How the contacts list is ordered; every order ends on id so a keyset cursor is stable. */
export type ContactSort = 'name' | 'last_contact' | 'next_due' | 'health';

export interface ContactFilterValues {
  q?: string | undefined;
  circleId?: string | undefined;
  tag?: string | undefined;
  company?: string | undefined;
  industry?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  lastContactBefore?: string | undefined;
  lastContactAfter?: string | undefined;
  /** The cadence in force: the contact's own, or else their circle's default. */
  cadence?: CadenceKind | undefined;
  tracked?: boolean | undefined;
  /** Stored health score bounds (F20); either one leaves out people with no history. */
  healthMin?: number | undefined;
  healthMax?: number | undefined;
  /** true: only people with no health score (never contacted); false: only those with one. */
  noHistory?: boolean | undefined;
}

export interface ContactListFilter extends ContactFilterValues {
  /** Name order's keyset position (the default sort). */
  after?: { sortName: string; id: string } | undefined;
  sort?: ContactSort | undefined;
  /** Keyset position for the other sorts: the sort column's value (null sorts last) and the id. */
  afterValue?: { value: string | number | null; id: string } | undefined;
  limit: number;
}

export async function insertContact(conn: Conn, row: Insertable<ContactsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('contacts').values(row).execute();
}

export async function findContact(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<ContactRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The rows of many contacts in one statement per 500 ids (a batch refresh of derived columns). */
export async function findContacts(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
): Promise<ContactRow[]> {
  const db = kysely(conn);
  return rowsByIds(ids, (part) =>
    db
      .selectFrom('contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', 'in', part)
      .execute(),
  );
}

export async function updateContact(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<Insertable<ContactsTable>>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('contacts')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/** Deletes the contact; children go by cascade, the search row (a virtual table on SQLite) by hand. */
export async function deleteContact(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  await db
    .deleteFrom('contact_search')
    .where('account_id', '=', accountId)
    .where('contact_id', '=', id)
    .execute();
  const r = await db
    .deleteFrom('contacts')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The contacts matching the filter, as a query the list and the count share. */
function filtered(conn: Conn, accountId: string, f: ContactFilterValues) {
  let q = kysely(conn).selectFrom('contacts').where('account_id', '=', accountId);
  if (f.circleId) q = q.where('circle_id', '=', f.circleId);
  for (const [column, value] of [
    ['company', f.company],
    ['industry', f.industry],
    ['city', f.city],
    ['country', f.country],
  ] as const) {
    if (value) q = q.where(sql<string>`lower(${sql.ref(column)})`, '=', value.toLowerCase());
  }
  if (f.tag) {
    const tag = f.tag;
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('contact_tags')
        .innerJoin('tags', (j) =>
          j
            .onRef('tags.account_id', '=', 'contact_tags.account_id')
            .onRef('tags.id', '=', 'contact_tags.tag_id'),
        )
        .select('contact_tags.contact_id')
        .where('contact_tags.account_id', '=', accountId)
        .where(sql<string>`lower(tags.name)`, '=', tag.toLowerCase()),
    );
  }
  if (f.lastContactBefore) {
    const before = f.lastContactBefore;
    q = q.where((eb) =>
      eb.or([eb('last_interaction_at', 'is', null), eb('last_interaction_at', '<', before)]),
    );
  }
  if (f.lastContactAfter) q = q.where('last_interaction_at', '>=', f.lastContactAfter);
  if (f.cadence) {
    const kind = f.cadence;
    q = q.where((eb) =>
      eb.or([
        eb('cadence_kind', '=', kind),
        eb.and([
          eb('cadence_kind', 'is', null),
          eb(
            'circle_id',
            'in',
            eb
              .selectFrom('circles')
              .select('circles.id')
              .where('circles.account_id', '=', accountId)
              .where('circles.cadence_kind', '=', kind),
          ),
        ]),
      ]),
    );
  }
  if (f.tracked !== undefined) q = q.where('tracked', '=', f.tracked ? 1 : 0);
  if (f.healthMin !== undefined) q = q.where('health_score', '>=', f.healthMin);
  if (f.healthMax !== undefined) q = q.where('health_score', '<=', f.healthMax);
  if (f.noHistory !== undefined) q = q.where('health_score', f.noHistory ? 'is' : 'is not', null);
  for (const term of searchTerms(f.q ?? '')) {
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('contact_search')
        .select('contact_id')
        .where('account_id', '=', accountId)
        .where('body', 'like', `%${term}%`),
    );
  }
  return q;
}

/** How many contacts match the filter, for the list's total. */
export async function countContacts(conn: Conn, accountId: string, f: ContactFilterValues): Promise<number> {
  const r = await filtered(conn, accountId, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const SORT_COLUMN = {
  next_due: 'next_due_at',
  last_contact: 'last_interaction_at',
  health: 'health_score',
} as const satisfies Record<Exclude<ContactSort, 'name'>, keyof ContactsTable>;

/** The value a keyset cursor of this (non-name) sort keeps for a row. */
export function sortValue(row: ContactRow, sort: Exclude<ContactSort, 'name'>): string | number | null {
  return row[SORT_COLUMN[sort]];
}

/**
 * Filtered page with a keyset cursor in the chosen order; returns limit + 1 rows so callers see if
 * more exist. Name order walks contacts_sort_idx, next due contacts_due_idx, last contact
 * contacts_last_contact_idx and health contacts_health_idx; contacts without a value come last.
 */
export async function listContacts(
  conn: Conn,
  accountId: string,
  f: ContactListFilter,
): Promise<ContactRow[]> {
  let q = filtered(conn, accountId, f).selectAll();
  const sort = f.sort ?? 'name';
  if (sort === 'name') {
    if (f.after) {
      const { sortName, id } = f.after;
      q = q.where((eb) =>
        eb.or([eb('sort_name', '>', sortName), eb.and([eb('sort_name', '=', sortName), eb('id', '>', id)])]),
      );
    }
    return q
      .orderBy('sort_name')
      .orderBy('id')
      .limit(f.limit + 1)
      .execute();
  }
  const column = SORT_COLUMN[sort];
  // Soonest due first; most recently contacted first; weakest health first. The id follows the
  // column's direction so that one index walk (forwards or backwards) yields the order without a sort.
  const direction = sort === 'last_contact' ? 'desc' : 'asc';
  const beyond = direction === 'asc' ? '>' : '<';
  const after = f.afterValue;
  const rows: ContactRow[] = [];
  if (after?.value !== null) {
    let valued = q.where(column, 'is not', null);
    if (after) {
      const { value, id } = after;
      valued = valued.where((eb) =>
        eb.or([eb(column, beyond, value), eb.and([eb(column, '=', value), eb('id', beyond, id)])]),
      );
    }
    rows.push(
      ...(await valued
        .orderBy(column, direction)
        .orderBy('id', direction)
        .limit(f.limit + 1)
        .execute()),
    );
  }
  // Contacts without a value (never contacted, never due) come last, in id order.
  if (rows.length <= f.limit) {
    let empty = q.where(column, 'is', null);
    if (after?.value === null) empty = empty.where('id', '>', after.id);
    rows.push(
      ...(await empty
        .orderBy('id')
        .limit(f.limit + 1 - rows.length)
        .execute()),
    );
  }
  return rows;
}

/** E-mails, phones, links and tags of many contacts in four queries, grouped by contact id. */
export async function loadChildren(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, ContactChildren>> {
  const db = kysely(conn);
  const out = new Map<string, ContactChildren>(
    ids.map((id) => [id, { emails: [], phones: [], links: [], tags: [] }]),
  );
  if (ids.length === 0) return out;
  const [emails, phones, links, tags] = await Promise.all([
    db
      .selectFrom('contact_emails')
      .select(['contact_id', 'value', 'label'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_phones')
      .select(['contact_id', 'value', 'e164', 'label'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_links')
      .select(['contact_id', 'kind', 'url'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_tags')
      .innerJoin('tags', (j) =>
        j
          .onRef('tags.account_id', '=', 'contact_tags.account_id')
          .onRef('tags.id', '=', 'contact_tags.tag_id'),
      )
      .select(['contact_tags.contact_id', 'tags.name'])
      .where('contact_tags.account_id', '=', accountId)
      .where('contact_tags.contact_id', 'in', ids)
      .orderBy('tags.name')
      .execute(),
  ]);
  for (const e of emails) out.get(e.contact_id)?.emails.push({ value: e.value, label: e.label });
  for (const p of phones)
    out.get(p.contact_id)?.phones.push({ value: p.value, e164: p.e164, label: p.label });
  for (const l of links) out.get(l.contact_id)?.links.push({ kind: l.kind, url: l.url });
  for (const t of tags) out.get(t.contact_id)?.tags.push(t.name);
  return out;
}

/** Replaces a contact's e-mails, phones, links or tags (those given); ids come from `newId`. */
export async function replaceChildren(
  conn: Conn,
  accountId: string,
  contactId: string,
  children: Partial<ContactChildren>,
  newId: () => string,
): Promise<void> {
  const db = kysely(conn);
  const base = { account_id: accountId, contact_id: contactId };
  if (children.emails) {
    await db
      .deleteFrom('contact_emails')
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contactId)
      .execute();
    const rows = children.emails.map((e, position) => ({
      ...base,
      id: newId(),
      value: e.value,
      label: e.label,
      position,
    }));
    if (rows.length) await db.insertInto('contact_emails').values(rows).execute();
  }
  if (children.phones) {
    await db
      .deleteFrom('contact_phones')
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contactId)
      .execute();
    const rows = children.phones.map((p, position) => ({
      ...base,
      id: newId(),
      value: p.value,
      e164: p.e164,
      label: p.label,
      position,
    }));
    if (rows.length) await db.insertInto('contact_phones').values(rows).execute();
  }
  if (children.links) {
    await db
      .deleteFrom('contact_links')
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contactId)
      .execute();
    const rows = children.links.map((l, position) => ({
      ...base,
      id: newId(),
      kind: l.kind,
      url: l.url,
      position,
    }));
    if (rows.length) await db.insertInto('contact_links').values(rows).execute();
  }
  if (children.tags) {
    await db
      .deleteFrom('contact_tags')
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contactId)
      .execute();
    const names = [...new Set(children.tags)];
    if (names.length) {
      await db
        .insertInto('tags')
        .values(names.map((name) => ({ account_id: accountId, id: newId(), name })))
        .onConflict((oc) => oc.columns(['account_id', 'name']).doNothing())
        .execute();
      const tagRows = await db
        .selectFrom('tags')
        .select('id')
        .where('account_id', '=', accountId)
        .where('name', 'in', names)
        .execute();
      await db
        .insertInto('contact_tags')
        .values(tagRows.map((t) => ({ ...base, tag_id: t.id })))
        .execute();
    }
  }
}

/** Rebuilds the search text of these contacts from names, company, title, e-mails, notes and facts. */
export async function reindexContacts(conn: Conn, accountId: string, ids: string[]): Promise<void> {
  const db = kysely(conn);
  if (ids.length === 0) return;
  // Two transactions adding facts to one contact both deleted the search row, then both inserted
  // one: on PostgreSQL (read committed) the second insert broke contact_search_pk (a 500). A no-op
  // UPDATE of the contacts first takes their row locks, so concurrent reindexes of a contact run one
  // after the other, and the second reads the first's committed facts, so the text is never stale.
  // An upsert alone would avoid the error but could keep the older text; SQLite serialises writers
  // anyway, where this costs one indexed UPDATE.
  await db
    .updateTable('contacts')
    .set({ first_name: sql<string>`first_name` })
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
  const [contacts, emails, notes, facts, phones] = await Promise.all([
    db
      .selectFrom('contacts')
      .select([
        'id',
        'first_name',
        'last_name',
        'company',
        'title',
        'industry',
        'city',
        'country',
        'time_zone',
        'holiday_country',
      ])
      .where('account_id', '=', accountId)
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('contact_emails')
      .select(['contact_id', 'value'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .execute(),
    db
      .selectFrom('notes')
      .select(['contact_id', 'body'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .execute(),
    db
      .selectFrom('facts')
      .select(['contact_id', 'label', 'value'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .execute(),
    db
      .selectFrom('contact_phones')
      .select(['contact_id', 'e164'])
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  // Every path that changes a contact reindexes it, so the derived holiday country is kept here too.
  for (const c of contacts) {
    const code = holidayCountry({
      country: c.country,
      timeZone: c.time_zone,
      phonesE164: phones.filter((p) => p.contact_id === c.id).map((p) => p.e164),
    });
    if (code !== c.holiday_country)
      await db
        .updateTable('contacts')
        .set({ holiday_country: code })
        .where('account_id', '=', accountId)
        .where('id', '=', c.id)
        .execute();
  }
  const parts = new Map<string, string[]>(contacts.map((c) => [c.id, searchFields(c)]));
  for (const e of emails) parts.get(e.contact_id)?.push(e.value);
  for (const n of notes) parts.get(n.contact_id)?.push(n.body);
  for (const f of facts) parts.get(f.contact_id)?.push(`${f.label} ${f.value}`);
  await db
    .deleteFrom('contact_search')
    .where('account_id', '=', accountId)
    .where('contact_id', 'in', ids)
    .execute();
  const rows = [...parts].map(([contact_id, p]) => ({
    account_id: accountId,
    contact_id,
    body: searchBody(p),
  }));
  if (rows.length) await db.insertInto('contact_search').values(rows).execute();
}

type SearchedColumns = 'first_name' | 'last_name' | 'company' | 'title' | 'industry' | 'city';
/** The contact's own columns that search reads, in the order the search text lists them. */
export function searchFields(c: Pick<ContactRow, SearchedColumns>): string[] {
  return [c.first_name, c.last_name, c.company ?? '', c.title ?? '', c.industry ?? '', c.city ?? ''];
}

/** The search text from searchFields plus e-mails, note bodies and "label value" of facts. */
export function searchBody(parts: string[]): string {
  return foldSearchParts(parts);
}
