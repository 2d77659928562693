import type { Insertable } from 'kysely';
import { chunks, insertMany } from './chunks';
import { kysely } from './conn';
import { type ContactChildren, type ContactRow, loadChildren } from './contacts.repo';
import type {
  ContactEmailsTable,
  ContactLinksTable,
  ContactPhonesTable,
  ContactSearchTable,
  ContactsTable,
  ImportantDatesTable,
  LifeEventsTable,
  NotesTable,
} from './database';
import { refreshPlannerStats } from './planner-stats';
import type { Conn } from './store';

/** Everything one slice of an import commit inserts; tags are by name and resolved here. */
export interface ImportWrites {
  contacts: Insertable<ContactsTable>[];
  emails: Insertable<ContactEmailsTable>[];
  phones: Insertable<ContactPhonesTable>[];
  links: Insertable<ContactLinksTable>[];
  notes: Insertable<NotesTable>[];
  dates: Insertable<ImportantDatesTable>[];
  lifeEvents: Insertable<LifeEventsTable>[];
  /** Search rows of new contacts only (they have none yet, so nothing to delete first). */
  search: Insertable<ContactSearchTable>[];
  tags: { contactId: string; name: string }[];
}

export function emptyWrites(): ImportWrites {
  return {
    contacts: [],
    emails: [],
    phones: [],
    links: [],
    notes: [],
    dates: [],
    lifeEvents: [],
    search: [],
    tags: [],
  };
}

/** Tag ids by lower-cased name, loaded once per commit and extended as new tags are created. */
export type TagIds = Map<string, string>;

export async function loadTagIds(conn: Conn, accountId: string): Promise<TagIds> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name'])
    .where('account_id', '=', accountId)
    .execute();
  const out: TagIds = new Map();
  for (const t of rows) if (!out.has(t.name.toLowerCase())) out.set(t.name.toLowerCase(), t.id);
  return out;
}

/** Multi-row inserts, parents first, at most 500 rows a statement. */
export async function insertImportWrites(
  conn: Conn,
  accountId: string,
  w: ImportWrites,
  tagIds: TagIds,
  newId: () => string,
): Promise<void> {
  const lean = { omitNullColumns: true };
  await insertMany(conn, 'contacts', w.contacts, lean);
  // Before the children: their foreign-key checks look each contact up.
  await refreshPlannerStats(conn, 'contacts', w.contacts.length);
  await insertMany(conn, 'contact_emails', w.emails, lean);
  await insertMany(conn, 'contact_phones', w.phones, lean);
  await insertMany(conn, 'contact_links', w.links, lean);
  await insertMany(conn, 'notes', w.notes, lean);
  await insertMany(conn, 'important_dates', w.dates, lean);
  await insertMany(conn, 'life_events', w.lifeEvents, lean);
  await insertMany(conn, 'contact_search', w.search, lean);
  if (w.tags.length === 0) return;
  const fresh = new Map<string, string>();
  for (const { name } of w.tags) {
    const key = name.toLowerCase();
    if (!tagIds.has(key) && !fresh.has(key)) fresh.set(key, name);
  }
  const created = [...fresh.values()].map((name) => ({ account_id: accountId, id: newId(), name }));
  await insertMany(conn, 'tags', created);
  for (const t of created) tagIds.set(t.name.toLowerCase(), t.id);
  const links = new Map<string, { account_id: string; contact_id: string; tag_id: string }>();
  for (const { contactId, name } of w.tags) {
    const tagId = tagIds.get(name.toLowerCase());
    if (tagId)
      links.set(`${contactId}|${tagId}`, { account_id: accountId, contact_id: contactId, tag_id: tagId });
  }
  // Through insertMany: Kysely's own values() parsing cost ~0.2 s on 10,000 tagged cards.
  await insertMany(conn, 'contact_tags', [...links.values()], {
    ignoreConflictOn: ['account_id', 'contact_id', 'tag_id'],
  });
}

/** A contact an import merges into, with what merging compares against. */
export interface MergeTarget {
  row: ContactRow;
  children: ContactChildren;
  notes: string[];
  dateKinds: Set<string>;
  /** A merge gives a contact the file's photo only when it has none. */
  hasPhoto: boolean;
}

/** The merge targets that still exist, by id (a missing id was deleted since the preview). */
export async function loadMergeTargets(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, MergeTarget>> {
  const db = kysely(conn);
  const out = new Map<string, MergeTarget>();
  for (const part of chunks(ids)) {
    const [rows, children, notes, dates, photos] = await Promise.all([
      db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', 'in', part)
        .execute(),
      loadChildren(conn, accountId, part),
      db
        .selectFrom('notes')
        .select(['contact_id', 'body'])
        .where('account_id', '=', accountId)
        .where('contact_id', 'in', part)
        .execute(),
      db
        .selectFrom('important_dates')
        .select(['contact_id', 'kind'])
        .where('account_id', '=', accountId)
        .where('contact_id', 'in', part)
        .execute(),
      db
        .selectFrom('contact_photos')
        .select('contact_id')
        .where('account_id', '=', accountId)
        .where('contact_id', 'in', part)
        .execute(),
    ]);
    const withPhoto = new Set(photos.map((p) => p.contact_id));
    for (const row of rows)
      out.set(row.id, {
        row,
        children: children.get(row.id) ?? { emails: [], phones: [], links: [], tags: [] },
        notes: [],
        dateKinds: new Set(),
        hasPhoto: withPhoto.has(row.id),
      });
    for (const n of notes) out.get(n.contact_id)?.notes.push(n.body);
    for (const d of dates) out.get(d.contact_id)?.dateKinds.add(d.kind);
  }
  return out;
}
