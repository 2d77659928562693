import type { Insertable, Selectable } from 'kysely';
import type { DedupeContact } from '../core/duplicate-keys';
import type { DateKind } from '../core/vocabulary';
import { insertMany } from './chunks';
import { kysely } from './conn';
import type { ImportRowsTable, ImportRunsTable } from './database';
import { deleteImportUpload } from './import-uploads.repo';
import { mapByIds } from './rows-by-ids';
import type { Conn } from './store';

export type ImportRunRow = Selectable<ImportRunsTable>;
export type ImportRowRow = Selectable<ImportRowsTable>;

export async function insertImportRun(conn: Conn, row: Insertable<ImportRunsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('import_runs').values(row).execute();
}

export async function findImportRun(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<ImportRunRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('import_runs')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Updates a run, only while it has status `from` when given; returns how many rows changed (0 or 1). */
export async function updateImportRun(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<Insertable<ImportRunsTable>>,
  from?: string,
): Promise<number> {
  const db = kysely(conn);
  let q = db.updateTable('import_runs').set(values).where('account_id', '=', accountId).where('id', '=', id);
  if (from) q = q.where('status', '=', from);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes a run with its rows. */
export async function deleteImportRun(conn: Conn, accountId: string, id: string): Promise<void> {
  const db = kysely(conn);
  await deleteImportRows(conn, accountId, id);
  await db.deleteFrom('import_runs').where('account_id', '=', accountId).where('id', '=', id).execute();
}

/** Drops a run's rows and stored upload (a discarded or committed preview needs only its summary). */
export async function deleteImportRows(conn: Conn, accountId: string, runId: string): Promise<void> {
  await deleteImportUpload(conn, accountId, runId);
  await clearImportRows(conn, accountId, runId);
}

/** Drops a run's rows only: a generic CSV read again with another mapping writes them anew. */
export async function clearImportRows(conn: Conn, accountId: string, runId: string): Promise<void> {
  const db = kysely(conn);
  await db
    .deleteFrom('import_row_photos')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .execute();
  await db
    .deleteFrom('import_rows')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .execute();
}

/** The account's previews waiting for a commit or a discard, oldest first. */
export async function pendingPreviews(
  conn: Conn,
  accountId: string,
): Promise<{ id: string; created_at: string }[]> {
  return kysely(conn)
    .selectFrom('import_runs')
    .select(['id', 'created_at'])
    .where('account_id', '=', accountId)
    .where('status', '=', 'preview')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Runs left 'reading' by a process that died mid-upload, older than `before`. */
export async function staleReadingRuns(conn: Conn, accountId: string, before: string): Promise<string[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('import_runs')
    .select('id')
    .where('account_id', '=', accountId)
    .where('status', '=', 'reading')
    .where('created_at', '<', before)
    .execute();
  return rows.map((r) => r.id);
}

/** Multi-row inserts, 500 rows a statement; a new row's empty match and error columns are left out. */
export async function insertImportRows(conn: Conn, rows: Insertable<ImportRowsTable>[]): Promise<void> {
  await insertMany(conn, 'import_rows', rows, { omitNullColumns: true });
}

/** The stored contact JSON of one previewed row (null for an error row). */
export async function importRowContact(
  conn: Conn,
  accountId: string,
  runId: string,
  line: number,
): Promise<string | null | undefined> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('import_rows')
    .select('contact')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .where('line', '=', line)
    .executeTakeFirst();
  return row?.contact;
}

/** Rows in line order after `afterLine`, optionally of one status; limit + 1 rows. */
export async function listImportRows(
  conn: Conn,
  accountId: string,
  runId: string,
  f: { status?: string | undefined; afterLine?: number | undefined; limit: number },
): Promise<ImportRowRow[]> {
  const db = kysely(conn);
  let q = db
    .selectFrom('import_rows')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.afterLine !== undefined) q = q.where('line', '>', f.afterLine);
  return q
    .orderBy('line')
    .limit(f.limit + 1)
    .execute();
}

/** What a commit reads of a previewed row. */
export type CommitRowRow = Pick<
  ImportRowRow,
  'line' | 'status' | 'contact' | 'match_contact_id' | 'match_line' | 'raw_name'
>;

/**
 * The rows a commit applies (all but errors), in line order after `afterLine`; limit + 1 rows.
 * Only the columns it uses: the changes, reasons and warnings of 30,000 rows are never read.
 */
export async function listCommitRows(
  conn: Conn,
  accountId: string,
  runId: string,
  f: { afterLine?: number | undefined; limit: number },
): Promise<CommitRowRow[]> {
  const db = kysely(conn);
  let q = db
    .selectFrom('import_rows')
    .select(['line', 'status', 'contact', 'match_contact_id', 'match_line', 'raw_name'])
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .where('status', '!=', 'error');
  if (f.afterLine !== undefined) q = q.where('line', '>', f.afterLine);
  return q
    .orderBy('line')
    .limit(f.limit + 1)
    .execute();
}

const DATE_KIND_FIELD: Partial<Record<DateKind, 'birthday' | 'anniversary'>> = {
  birthday: 'birthday',
  personal_anniversary: 'anniversary',
};
const DATE_KINDS_KEPT: DateKind[] = ['birthday', 'personal_anniversary'];

/**
 * Every contact of the account in the shape dedupe compares: seven whole-account scans grouped in
 * memory rather than 30,000 lookups. met_on stands for LinkedIn's "Connected On", the oldest note
 * for an imported note and the birthday / personal anniversary dates for the imported ones.
 */
export async function loadDedupeContacts(
  conn: Conn,
  accountId: string,
): Promise<{ id: string; contact: DedupeContact }[]> {
  const db = kysely(conn);
  const [contacts, emails, phones, links, tags, dates, notes, photos] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['id', 'first_name', 'last_name', 'company', 'title', 'industry', 'city', 'country'])
      .select(['time_zone', 'met_on'])
      .where('account_id', '=', accountId)
      .execute(),
    db
      .selectFrom('contact_emails')
      .select(['contact_id', 'value'])
      .where('account_id', '=', accountId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_phones')
      .select(['contact_id', 'value', 'e164'])
      .where('account_id', '=', accountId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contact_links')
      .select(['contact_id', 'kind', 'url'])
      .where('account_id', '=', accountId)
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
      .execute(),
    db
      .selectFrom('important_dates')
      .select(['contact_id', 'kind', 'month', 'day', 'year'])
      .where('account_id', '=', accountId)
      .where('kind', 'in', DATE_KINDS_KEPT)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('notes')
      .select(['contact_id', 'body'])
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('contact_photos').select('contact_id').where('account_id', '=', accountId).execute(),
  ]);
  const byId = new Map<string, DedupeContact>();
  // The same arrays as the contact's, typed as the writable lists they are while they are filled.
  const lists = new Map<string, MutableLists>();
  const out: { id: string; contact: DedupeContact }[] = [];
  for (const c of contacts) {
    const l: MutableLists = { emails: [], phones: [], links: [], tags: [] };
    lists.set(c.id, l);
    const contact: DedupeContact = {
      firstName: c.first_name,
      lastName: c.last_name,
      ...l,
      ...optional({
        company: c.company,
        title: c.title,
        industry: c.industry,
        city: c.city,
        country: c.country,
        timeZone: c.time_zone,
        connectedOn: c.met_on,
      }),
    };
    byId.set(c.id, contact);
    out.push({ id: c.id, contact });
  }
  for (const e of emails) lists.get(e.contact_id)?.emails.push({ value: e.value });
  // The stored E.164 form parses without a region, so matching does not depend on today's region.
  for (const p of phones) lists.get(p.contact_id)?.phones.push({ value: p.e164 ?? p.value });
  for (const l of links) lists.get(l.contact_id)?.links.push({ kind: l.kind, url: l.url });
  for (const t of tags) lists.get(t.contact_id)?.tags.push(t.name);
  for (const d of dates) {
    const c = byId.get(d.contact_id);
    const field = DATE_KIND_FIELD[d.kind];
    if (c && field && !c[field])
      c[field] = { month: d.month, day: d.day, ...(d.year !== null && { year: d.year }) };
  }
  for (const n of notes) {
    const c = byId.get(n.contact_id);
    if (c && c.notes === undefined) c.notes = n.body;
  }
  for (const p of photos) {
    const c = byId.get(p.contact_id);
    if (c) c.hasPhoto = true;
  }
  return out;
}

interface MutableLists {
  emails: { value: string }[];
  phones: { value: string }[];
  links: { kind: string; url: string }[];
  tags: string[];
}

/** Leaves out null columns, so that `{ company: null }` never reads as a value. */
function optional<K extends string>(o: Record<K, string | null>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, v] of entries(o)) if (v !== null) out[key] = v;
  return out;
}

/** Object.entries with the keys' own type (Object.entries widens them to string). */
function* entries<K extends string, V>(o: Record<K, V>): Generator<[K, V]> {
  for (const key in o) yield [key, o[key]];
}

/** Status of each of these lines of a run (absent lines are not in the file). */
export async function importRowStatuses(
  conn: Conn,
  accountId: string,
  runId: string,
  lines: number[],
): Promise<Map<number, string>> {
  const db = kysely(conn);
  return mapByIds(
    lines,
    (part) =>
      db
        .selectFrom('import_rows')
        .select(['line', 'status'])
        .where('account_id', '=', accountId)
        .where('run_id', '=', runId)
        .where('line', 'in', part)
        .execute(),
    (r) => r.line,
    (r) => r.status,
  );
}
