import { type Insertable, type Selectable, sql } from 'kysely';
import {
  INTEREST_FACT_KINDS,
  type InterestFactKind,
  RESOURCE_KINDS,
  type ResourceKind,
} from '../core/resource-match';
import { kysely } from './conn';
import type { ResourceSharesTable, ResourcesTable } from './database';
import { decodeStrings } from './json-columns';
import { oneOf, text, textOrNull } from './json-rows';
import { queryTemplate } from './query-template';
import type { Conn } from './store';

export type ResourceRow = Selectable<ResourcesTable>;
export interface ResourceFilter {
  kind?: ResourceKind;
  tag?: string;
  since?: string;
  limit: number;
}

export async function insertResource(conn: Conn, row: Insertable<ResourcesTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('resources').values(row).execute();
}

export async function findResource(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<ResourceRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('resources')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The filter with the tag already lowercased, as the query compares it. */
type ResourceWindow = { accountId: string; kind?: ResourceKind; since?: string; tag?: string; limit: number };

/** listResources built once per shape (which filters are given): Today's resources reason asks on every call. */
const resourcesTemplate = queryTemplate<ResourceWindow>({
  // The kind is a word of a closed list: part of the shape, bound as the template's constant.
  key: (v) => `${v.kind ?? ''}|${v.since ? 's' : ''}${v.tag ? 't' : ''}`,
  sentinel: (v, s) => ({
    accountId: s.text(),
    kind: v.kind,
    since: v.since ? s.text() : undefined,
    tag: v.tag ? s.text() : undefined,
    limit: s.int(),
  }),
  slots: (v) => [v.accountId, v.since, v.tag, v.limit],
  build: (db, f) => {
    let q = db.selectFrom('resources').selectAll().where('account_id', '=', f.accountId);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.since) q = q.where('created_at', '>=', f.since);
    if (f.tag) {
      const tag = f.tag;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('resource_tags as t')
            .select('t.tag')
            .whereRef('t.account_id', '=', 'resources.account_id')
            .whereRef('t.resource_id', '=', 'resources.id')
            .where(sql<string>`lower(t.tag)`, '=', tag),
        ),
      );
    }
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit);
  },
});

const resourceKind = oneOf(RESOURCE_KINDS);

/** Newest first; `tag` matches case-insensitively. */
export async function listResources(
  conn: Conn,
  accountId: string,
  f: ResourceFilter,
): Promise<ResourceRow[]> {
  const db = kysely(conn);
  const rows = await db.executeQuery<Record<string, unknown>>(
    resourcesTemplate(db, {
      accountId,
      kind: f.kind,
      since: f.since,
      tag: f.tag?.toLowerCase(),
      limit: f.limit,
    }),
  );
  // The columns in the table's order, as `select *` read them.
  return rows.rows.map((r) => ({
    account_id: text(r.account_id),
    id: text(r.id),
    kind: resourceKind(r.kind),
    title: text(r.title),
    url: textOrNull(r.url),
    note: text(r.note),
    created_at: text(r.created_at),
  }));
}

export async function updateResource(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<ResourceRow>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('resources')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteResource(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('resources')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Replaces a resource's tags, keeping the order given. */
export async function replaceResourceTags(
  conn: Conn,
  accountId: string,
  resourceId: string,
  tags: readonly string[],
): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('resource_tags')
    .where('account_id', '=', accountId)
    .where('resource_id', '=', resourceId)
    .execute();
  if (tags.length === 0) return;
  await db
    .insertInto('resource_tags')
    .values(tags.map((tag, position) => ({ account_id: accountId, resource_id: resourceId, tag, position })))
    .execute();
}

/** Tags of many resources in one query, in their order. */
export async function resourceTags(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, string[]>> {
  const db = kysely(conn);
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('resource_tags')
    .select(['resource_id', 'tag'])
    .where('account_id', '=', accountId)
    .where('resource_id', 'in', ids)
    .orderBy('resource_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.get(r.resource_id)?.push(r.tag);
  return out;
}

export interface InterestFactRow {
  contact_id: string;
  kind: InterestFactKind;
  value: string;
}
const INTEREST = new Set<string>(INTEREST_FACT_KINDS);
const isInterestKind = (k: string): k is InterestFactKind => INTEREST.has(k);
/** The queries keep only interest kinds already; the check lets the type say so. */
const interestRows = (
  rows: readonly { contact_id: string; kind: string; value: string }[],
): InterestFactRow[] =>
  rows.flatMap((r) =>
    isInterestKind(r.kind) ? [{ contact_id: r.contact_id, kind: r.kind, value: r.value }] : [],
  );

/** Interest-like facts (facts_kind_idx), of the whole account or of some contacts. */
export async function interestFacts(
  conn: Conn,
  accountId: string,
  contactIds?: string[],
): Promise<InterestFactRow[]> {
  const db = kysely(conn);
  if (contactIds?.length === 0) return [];
  let q = db
    .selectFrom('facts')
    .select(['contact_id', 'kind', 'value'])
    .where('account_id', '=', accountId)
    .where('kind', 'in', [...INTEREST_FACT_KINDS]);
  if (contactIds) q = q.where('contact_id', 'in', contactIds);
  return interestRows(await q.orderBy('contact_id').orderBy('id').limit(100_000).execute());
}

/** Interest-like facts containing one of `patterns` (lower-case letters and digits only), in any order. */
export async function interestFactsLike(
  conn: Conn,
  accountId: string,
  patterns: readonly string[],
): Promise<InterestFactRow[]> {
  const db = kysely(conn);
  if (patterns.length === 0) return [];
  const rows = await db
    .selectFrom('facts')
    .select(['contact_id', 'kind', 'value'])
    .where('account_id', '=', accountId)
    .where('kind', 'in', [...INTEREST_FACT_KINDS])
    .where((eb) => eb.or(patterns.map((p) => eb(sql<string>`lower(value)`, 'like', `%${p}%`))))
    .limit(100_000)
    .execute();
  return interestRows(rows);
}

/** Interaction topics since a time (interactions_recent_idx), of the whole account or of some contacts. */
export async function recentTopics(
  conn: Conn,
  accountId: string,
  since: string,
  contactIds?: string[],
): Promise<{ contact_id: string; topics: string[] }[]> {
  const db = kysely(conn);
  if (contactIds?.length === 0) return [];
  let q = db
    .selectFrom('interactions')
    .select(['contact_id', 'topics'])
    .where('account_id', '=', accountId)
    .where('occurred_at', '>=', since)
    .where('topics', '<>', '[]');
  if (contactIds) q = q.where('contact_id', 'in', contactIds);
  const rows = await q.orderBy('occurred_at', 'desc').limit(100_000).execute();
  return rows.map((r) => ({
    contact_id: r.contact_id,
    topics: decodeStrings(r.topics, 'interactions.topics'),
  }));
}

/** Names and industries of some contacts, or of every contact with an industry when `ids` is omitted. */
export async function contactBasics(
  conn: Conn,
  accountId: string,
  ids?: string[],
): Promise<{ id: string; first_name: string; last_name: string; industry: string | null }[]> {
  const db = kysely(conn);
  if (ids?.length === 0) return [];
  let q = db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name', 'industry'])
    .where('account_id', '=', accountId);
  q = ids ? q.where('id', 'in', ids) : q.where('industry', 'is not', null).where('industry', '<>', '');
  return q.limit(100_000).execute();
}

/** Which of these resources each contact already received. */
export async function sharedPairs(
  conn: Conn,
  accountId: string,
  by: { resourceIds?: string[]; contactIds?: string[] },
): Promise<{ resource_id: string; contact_id: string }[]> {
  const db = kysely(conn);
  if (by.resourceIds?.length === 0 || by.contactIds?.length === 0) return [];
  let q = db
    .selectFrom('resource_shares')
    .select(['resource_id', 'contact_id'])
    .where('account_id', '=', accountId);
  if (by.resourceIds) q = q.where('resource_id', 'in', by.resourceIds);
  if (by.contactIds) q = q.where('contact_id', 'in', by.contactIds);
  return q.execute();
}

export async function insertShare(conn: Conn, row: Insertable<ResourceSharesTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('resource_shares').values(row).execute();
}
