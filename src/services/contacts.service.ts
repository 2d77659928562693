import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type {
  Contact,
  ContactCreate,
  ContactListQuery,
  ContactPage,
  ContactPatch,
} from '../contract/contacts';
import { Invalid, NotFound } from '../core/errors';
import { findCircle } from '../store/circles.repo';
import {
  type ContactRow,
  deleteContact,
  findContact,
  insertContact,
  listContacts,
  loadChildren,
  reindexContacts,
  replaceChildren,
  updateContact,
} from '../store/contacts.repo';
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
  const children = await loadChildren(db, accountId, [id]);
  return toContactDto(row, children.get(id)!);
}

export async function createContact(deps: Deps, accountId: string, input: ContactCreate): Promise<Contact> {
  return deps.store.transaction(async (trx) => {
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
    await reindexContacts(trx, accountId, [id]);
    await refreshSchedule(deps, trx, accountId, id, { created: true });
    return getContact(deps, accountId, id, trx);
  });
}

export async function patchContact(
  deps: Deps,
  accountId: string,
  id: string,
  patch: ContactPatch,
): Promise<Contact> {
  return deps.store.transaction(async (trx) => {
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
    const simple = {
      company: 'company',
      title: 'title',
      industry: 'industry',
      city: 'city',
      country: 'country',
      timeZone: 'time_zone',
      preferredChannel: 'preferred_channel',
      howMet: 'how_met',
      metOn: 'met_on',
      circleId: 'circle_id',
    } as const;
    for (const [key, column] of Object.entries(simple) as [
      keyof typeof simple,
      (typeof simple)[keyof typeof simple],
    ][]) {
      if (patch[key] !== undefined) values[column] = patch[key] ?? null;
    }
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
    await reindexContacts(trx, accountId, [id]);
    await refreshSchedule(deps, trx, accountId, id, { created: false });
    return getContact(deps, accountId, id, trx);
  });
}

export async function removeContact(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    if ((await deleteContact(trx, accountId, id)) === 0) throw new NotFound('contact not found');
  });
}

function decodeCursor(cursor: string): { sortName: string; id: string } {
  try {
    const [sortName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortName === 'string' && typeof id === 'string') return { sortName, id };
  } catch {}
  throw new Invalid('not a cursor from this API', 'cursor');
}

/** Filtered, searchable, cursor-paginated list. */
export async function listContactPage(
  deps: Deps,
  accountId: string,
  query: ContactListQuery,
): Promise<ContactPage> {
  const db = deps.store.read;
  const rows = await listContacts(db, accountId, {
    ...query,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const pageRows = rows.slice(0, query.limit);
  const children = await loadChildren(
    db,
    accountId,
    pageRows.map((r) => r.id),
  );
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((r) => toContactDto(r, children.get(r.id)!)),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.sort_name, last.id]), 'utf8').toString('base64url')
        : null,
  };
}
