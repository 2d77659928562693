import type { ContactFilter } from '../contract/contacts';
import { isSafeLink } from '../core/safe-link';
import { csvRow } from '../formats/csv-writer';
import type { ContactLike, PartialDate } from '../formats/imported-contact';
import { writeVCards } from '../formats/vcard-writer';
import { listCircles } from '../store/circles.repo';
import { type ContactPhotoRow, loadContactPhotos } from '../store/contact-photos.repo';
import { type ContactChildren, type ContactRow, listContacts, loadChildren } from '../store/contacts.repo';
import { exportDates, exportNotes } from '../store/export.repo';
import type { Deps } from './deps';

/** Contacts read per query: memory stays flat however large the network is. */
const PAGE = 500;

interface ExportContact {
  row: ContactRow;
  children: ContactChildren;
  birthday?: PartialDate;
  anniversary?: PartialDate;
  notes?: string;
  photo?: { mediaType: string; base64: string };
}

/** Every contact of the account in name order, a page at a time (keyset, so no row is read twice). */
async function* exportContacts(
  deps: Deps,
  accountId: string,
  filter: ContactFilter,
  /** vCards carry photos; the CSV does not read them. */
  withPhotos = false,
): AsyncGenerator<ExportContact> {
  const db = deps.store.read;
  let after: { sortName: string; id: string } | undefined;
  for (;;) {
    const rows = await listContacts(db, accountId, { ...filter, after, limit: PAGE });
    const page = rows.slice(0, PAGE);
    const ids = page.map((r) => r.id);
    const [children, dates, noteRows, photos] = await Promise.all([
      loadChildren(db, accountId, ids),
      exportDates(db, accountId, ids),
      exportNotes(db, accountId, ids),
      withPhotos ? loadContactPhotos(db, accountId, ids) : new Map<string, ContactPhotoRow>(),
    ]);
    // Several notes become one NOTE, as an importer's "notes" field is one text.
    const notes = new Map<string, string>();
    for (const n of noteRows) {
      const before = notes.get(n.contact_id);
      notes.set(n.contact_id, before === undefined ? n.body : `${before}\n\n${n.body}`);
    }
    const birthday = new Map<string, PartialDate>();
    const anniversary = new Map<string, PartialDate>();
    for (const d of dates) {
      const target = d.kind === 'birthday' ? birthday : anniversary;
      if (!target.has(d.contact_id))
        target.set(d.contact_id, { month: d.month, day: d.day, ...(d.year !== null && { year: d.year }) });
    }
    for (const row of page) {
      const b = birthday.get(row.id);
      const a = anniversary.get(row.id);
      const note = notes.get(row.id);
      const photo = photos.get(row.id);
      yield {
        ...(photo && { photo: { mediaType: photo.content_type, base64: photo.data } }),
        row,
        children: children.get(row.id) ?? { emails: [], phones: [], links: [], tags: [] },
        ...(b && { birthday: b }),
        ...(a && { anniversary: a }),
        ...(note !== undefined && { notes: note }),
      };
    }
    const last = page.at(-1);
    if (rows.length <= PAGE || !last) return;
    after = { sortName: last.sort_name, id: last.id };
  }
}

function contactLike(c: ExportContact): ContactLike & { id: string } {
  const r = c.row;
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    emails: c.children.emails.map((e) => ({ value: e.value, ...(e.label && { label: e.label }) })),
    phones: c.children.phones.map((p) => ({ value: p.value, ...(p.label && { label: p.label }) })),
    // Links stored before schemes were checked may be unsafe: they are left out of every export.
    links: c.children.links.filter((l) => isSafeLink(l.url)).map((l) => ({ kind: l.kind, url: l.url })),
    tags: c.children.tags,
    ...(r.company && { company: r.company }),
    ...(r.title && { title: r.title }),
    ...(r.industry && { industry: r.industry }),
    ...(r.city && { city: r.city }),
    ...(r.country && { country: r.country }),
    ...(r.time_zone && { timeZone: r.time_zone }),
    // "Connected on" is where importers put the day they met; it comes back the same way.
    ...(r.met_on && { connectedOn: r.met_on }),
    ...(c.birthday && { birthday: c.birthday }),
    ...(c.anniversary && { anniversary: c.anniversary }),
    ...(c.notes && { notes: c.notes }),
    ...(c.photo && { photo: c.photo }),
  };
}

async function* likes(
  deps: Deps,
  accountId: string,
  filter: ContactFilter,
): AsyncGenerator<ContactLike & { id: string }> {
  for await (const c of exportContacts(deps, accountId, filter, true)) yield contactLike(c);
}

/**
 * F23: every contact (or a segment's, with its filter) as vCard (4.0 by default), streamed; our
 * own importer reads it back.
 */
export function exportVCards(
  deps: Deps,
  accountId: string,
  version: '4.0' | '3.0',
  filter: ContactFilter = {},
): AsyncGenerator<string> {
  return writeVCards(likes(deps, accountId, filter), { version });
}

/** One row per contact, for Notion and Airtable; multi-valued cells are comma-separated. */
export const EXPORT_CSV_COLUMNS = [
  'Name',
  'First Name',
  'Last Name',
  'Emails',
  'Phones',
  'Company',
  'Title',
  'Circle',
  'Tags',
  'City',
  'Country',
  'Last Contact',
  'Next Due',
  'Birthday',
  'LinkedIn',
] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
// No-year birthdays as MM-DD: ISO's --MM-DD would start with "-" and look like a formula.
const dateCell = (d: PartialDate | undefined) =>
  d
    ? `${d.year === undefined ? '' : `${String(d.year).padStart(4, '0')}-`}${pad2(d.month)}-${pad2(d.day)}`
    : '';

/** F23: the contacts CSV, streamed; every cell passes through csvRow's formula neutralising. */
export async function* exportContactsCsv(
  deps: Deps,
  accountId: string,
  filter: ContactFilter = {},
): AsyncGenerator<string> {
  const circles = new Map((await listCircles(deps.store.read, accountId)).map((c) => [c.id, c.name]));
  // A BOM so Excel reads accents right; Notion and Airtable ignore it.
  yield `\uFEFF${csvRow(EXPORT_CSV_COLUMNS)}`;
  for await (const c of exportContacts(deps, accountId, filter)) {
    const r = c.row;
    yield csvRow([
      `${r.first_name} ${r.last_name}`.trim(),
      r.first_name,
      r.last_name,
      c.children.emails.map((e) => e.value).join(', '),
      c.children.phones.map((p) => p.value).join(', '),
      r.company ?? '',
      r.title ?? '',
      (r.circle_id && circles.get(r.circle_id)) || '',
      c.children.tags.join(', '),
      r.city ?? '',
      r.country ?? '',
      r.last_interaction_at ?? '',
      r.next_due_at ?? '',
      dateCell(c.birthday),
      c.children.links.find((l) => l.kind === 'linkedin' && isSafeLink(l.url))?.url ?? '',
    ]);
  }
}
