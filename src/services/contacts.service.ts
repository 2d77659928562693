import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type {
  Birthday,
  Contact,
  ContactCreate,
  ContactListQuery,
  ContactPage,
  ContactPatch,
  ContactSort,
} from '../contract/contacts';
import { Invalid, NotFound } from '../core/errors';
import { defaultLeadDays } from '../core/important-dates';
import { findCircle } from '../store/circles.repo';
import { photoHashes } from '../store/contact-photos.repo';
import {
  type ContactRow,
  countContacts,
  deleteContact,
  findContact,
  insertContact,
  listContacts,
  loadChildren,
  reindexContacts,
  replaceChildren,
  sortValue,
  updateContact,
} from '../store/contacts.repo';
import { tombstoneCardsOfContact } from '../store/dav.repo';
import {
  deleteImportantDate,
  insertImportantDate,
  listImportantDates,
  updateImportantDate,
} from '../store/important-dates.repo';
import type { Conn } from '../store/store';
import { cadenceColumns, toContactDto } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { refreshSchedule } from './schedule';

function sortName(first: string, last: string): string {
  return `${first} ${last}`.trim().toLowerCase();
}

function phoneRows(phones: { value: string; label?: string | undefined }[]) {
  return phones.map((p) => ({
    value: p.value,
    label: p.label ?? null,
    e164: parsePhoneNumberFromString(p.value)?.format('E.164') ?? null,
  }));
}

/** The contact form's birthday: sets (or, with null, removes) the contact's birthday date. */
async function setBirthday(
  deps: Deps,
  db: Conn,
  accountId: string,
  contactId: string,
  birthday: Birthday | null,
): Promise<void> {
  const birthdays = (await listImportantDates(db, accountId, contactId)).filter((d) => d.kind === 'birthday');
  if (birthday === null) {
    for (const d of birthdays) await deleteImportantDate(db, accountId, d.id);
    return;
  }
  const day = { month: birthday.month, day: birthday.day, year: birthday.year ?? null };
  const [first] = birthdays;
  if (first) await updateImportantDate(db, accountId, first.id, day);
  else
    await insertImportantDate(db, {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      kind: 'birthday',
      label: null,
      ...day,
      lead_days: defaultLeadDays('birthday'),
      created_at: nowIso(deps),
    });
}

async function assertCircle(db: Conn, accountId: string, circleId: string | null | undefined): Promise<void> {
  if (circleId && !(await findCircle(db, accountId, circleId)))
    throw new Invalid('no such circle', 'circleId');
}

/** One contact with its children, or NotFound (also for another account's id). */
export async function getContact(
  deps: Deps,
  accountId: string,
  id: string,
  db: Conn = deps.store.read,
): Promise<Contact> {
  const row = await findContact(db, accountId, id);
  if (!row) throw new NotFound('contact not found');
  const [children, photos] = await Promise.all([
    loadChildren(db, accountId, [id]),
    photoHashes(db, accountId, [id]),
  ]);
  return toContactDto(row, children.get(id)!, photos.get(id));
}

export async function createContact(deps: Deps, accountId: string, input: ContactCreate): Promise<Contact> {
  return deps.store.transaction((trx) => createContactIn(deps, trx, accountId, input));
}

/** createContact inside the caller's transaction (a CardDAV PUT also writes its card in it). */
export async function createContactIn(
  deps: Deps,
  trx: Conn,
  accountId: string,
  input: ContactCreate,
): Promise<Contact> {
  {
    await assertCircle(trx, accountId, input.circleId);
    const now = nowIso(deps);
    const id = deps.newId();
    await insertContact(trx, {
      account_id: accountId,
      id,
      first_name: input.firstName,
      last_name: input.lastName,
      sort_name: sortName(input.firstName, input.lastName),
      company: input.company ?? null,
      title: input.title ?? null,
      industry: input.industry ?? null,
      city: input.city ?? null,
      country: input.country ?? null,
      time_zone: input.timeZone ?? null,
      working_hours: input.workingHours ? JSON.stringify(input.workingHours) : null,
      preferred_channel: input.preferredChannel ?? null,
      how_met: input.howMet ?? null,
      met_on: input.metOn ?? null,
      circle_id: input.circleId ?? null,
      tracked: input.tracked ? 1 : 0,
      ...cadenceColumns(input.cadence),
      created_at: now,
      updated_at: now,
    });
    await replaceChildren(
      trx,
      accountId,
      id,
      {
        emails: input.emails.map((e) => ({ value: e.value, label: e.label ?? null })),
        phones: phoneRows(input.phones),
        links: input.links,
        tags: input.tags,
      },
      deps.newId,
    );
    if (input.birthday) await setBirthday(deps, trx, accountId, id, input.birthday);
    await reindexContacts(trx, accountId, [id]);
    await refreshSchedule(deps, trx, accountId, id, { created: true });
    return getContact(deps, accountId, id, trx);
  }
}

export async function patchContact(
  deps: Deps,
  accountId: string,
  id: string,
  patch: ContactPatch,
): Promise<Contact> {
  return deps.store.transaction((trx) => patchContactIn(deps, trx, accountId, id, patch));
}

/** patchContact inside the caller's transaction. */
export async function patchContactIn(
  deps: Deps,
  trx: Conn,
  accountId: string,
  id: string,
  patch: ContactPatch,
): Promise<Contact> {
  {
    const row = await findContact(trx, accountId, id);
    if (!row) throw new NotFound('contact not found');
    await assertCircle(trx, accountId, patch.circleId);
    const first = patch.firstName ?? row.first_name;
    const last = patch.lastName ?? row.last_name;
    const values: Partial<ContactRow> = {
      first_name: first,
      last_name: last,
      sort_name: sortName(first, last),
    };
    // Each nullable column the patch names: undefined leaves it, null clears it.
    if (patch.company !== undefined) values.company = patch.company;
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.industry !== undefined) values.industry = patch.industry;
    if (patch.city !== undefined) values.city = patch.city;
    if (patch.country !== undefined) values.country = patch.country;
    if (patch.timeZone !== undefined) values.time_zone = patch.timeZone;
    if (patch.preferredChannel !== undefined) values.preferred_channel = patch.preferredChannel;
    if (patch.howMet !== undefined) values.how_met = patch.howMet;
    if (patch.metOn !== undefined) values.met_on = patch.metOn;
    if (patch.circleId !== undefined) values.circle_id = patch.circleId;
    if (patch.workingHours !== undefined) {
      values.working_hours = patch.workingHours ? JSON.stringify(patch.workingHours) : null;
    }
    if (patch.tracked !== undefined) values.tracked = patch.tracked ? 1 : 0;
    if (patch.capture !== undefined) values.capture = patch.capture ? 1 : 0;
    if (patch.cadence !== undefined) Object.assign(values, cadenceColumns(patch.cadence));
    values.updated_at = nowIso(deps);
    await updateContact(trx, accountId, id, values);
    await replaceChildren(
      trx,
      accountId,
      id,
      {
        ...(patch.emails && {
          emails: patch.emails.map((e) => ({ value: e.value, label: e.label ?? null })),
        }),
        ...(patch.phones && { phones: phoneRows(patch.phones) }),
        ...(patch.links && { links: patch.links }),
        ...(patch.tags && { tags: patch.tags }),
      },
      deps.newId,
    );
    if (patch.birthday !== undefined) await setBirthday(deps, trx, accountId, id, patch.birthday);
    await reindexContacts(trx, accountId, [id]);
    await refreshSchedule(deps, trx, accountId, id, { created: false });
    return getContact(deps, accountId, id, trx);
  }
}

export async function removeContact(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction((trx) => removeContactIn(trx, accountId, id));
}

/** removeContact inside the caller's transaction; the contact's DAV cards become tombstones with it. */
export async function removeContactIn(trx: Conn, accountId: string, id: string): Promise<void> {
  if ((await deleteContact(trx, accountId, id)) === 0) throw new NotFound('contact not found');
  await tombstoneCardsOfContact(trx, accountId, id);
}

type Position =
  | { after: { sortName: string; id: string }; afterValue?: undefined }
  | { after?: undefined; afterValue: { value: string | number | null; id: string } };

/** A health cursor holds an integer score, the other sorts an ISO time; either may be null (no value). */
function isSortValue(v: unknown, sort: ContactSort): v is string | number | null {
  if (v === null) return true;
  return sort === 'health' ? Number.isInteger(v) : typeof v === 'string';
}

/** A cursor names its sort, so a cursor of one order is refused by another rather than misread. */
function decodeCursor(cursor: string, sort: ContactSort): Position {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const parts: unknown[] = Array.isArray(parsed) ? parsed : [];
    const [first, second, third] = parts;
    // [sortName, id] for name order; [sort, value, id] for the others.
    if (sort === 'name' && parts.length === 2 && typeof first === 'string' && typeof second === 'string')
      return { after: { sortName: first, id: second } };
    if (
      sort !== 'name' &&
      parts.length === 3 &&
      first === sort &&
      isSortValue(second, sort) &&
      typeof third === 'string'
    )
      return { afterValue: { value: second, id: third } };
  } catch {}
  throw new Invalid('not a cursor from this API for this sort', 'cursor');
}

function encodeCursor(row: ContactRow, sort: ContactSort): string {
  // Name order keeps its two-element shape, so cursors handed out before sorting existed still work.
  const parts = sort === 'name' ? [row.sort_name, row.id] : [sort, sortValue(row, sort), row.id];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Filtered, searchable, sorted, cursor-paginated list with the total that matches. */
export async function listContactPage(
  deps: Deps,
  accountId: string,
  query: Omit<ContactListQuery, 'sort'> & { sort?: ContactSort | undefined },
): Promise<ContactPage> {
  const db = deps.store.read;
  const sort = query.sort ?? 'name';
  const { cursor, limit, ...filter } = query;
  const position = cursor ? decodeCursor(cursor, sort) : {};
  const rows = await listContacts(db, accountId, { ...filter, ...position, sort, limit });
  const total = await countContacts(db, accountId, filter);
  const pageRows = rows.slice(0, limit);
  const ids = pageRows.map((r) => r.id);
  const [children, photos] = await Promise.all([
    loadChildren(db, accountId, ids),
    photoHashes(db, accountId, ids),
  ]);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((r) => toContactDto(r, children.get(r.id)!, photos.get(r.id))),
    nextCursor: rows.length > limit && last ? encodeCursor(last, sort) : null,
    total,
  };
}
