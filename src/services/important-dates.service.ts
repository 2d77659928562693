import type { ImportantDate, ImportantDateCreate, ImportantDatePatch } from '../contract/important-dates';
import { Invalid, NotFound } from '../core/errors';
import { defaultLeadDays, invalidDay } from '../core/important-dates';
import {
  deleteImportantDate,
  findImportantDate,
  type ImportantDateRow,
  insertImportantDate,
  listImportantDates,
  updateImportantDate,
} from '../store/important-dates.repo';
import { type Deps, nowIso } from './deps';
import { requireContact } from './require-contact';

export function toImportantDateDto(r: ImportantDateRow): ImportantDate {
  return {
    id: r.id,
    contactId: r.contact_id,
    kind: r.kind,
    label: r.label,
    month: r.month,
    day: r.day,
    year: r.year,
    leadDays: r.lead_days,
    createdAt: r.created_at,
  };
}

export async function contactDates(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<ImportantDate[]> {
  await requireContact(deps.store.read, accountId, contactId);
  return (await listImportantDates(deps.store.read, accountId, contactId)).map(toImportantDateDto);
}

export async function addImportantDate(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: ImportantDateCreate,
): Promise<ImportantDate> {
  return deps.store.transaction(async (trx) => {
    await requireContact(trx, accountId, contactId);
    const row = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      kind: input.kind,
      label: input.label ?? null,
      month: input.month,
      day: input.day,
      year: input.year ?? null,
      lead_days: input.leadDays ?? defaultLeadDays(input.kind),
      created_at: nowIso(deps),
    };
    await insertImportantDate(trx, row);
    return toImportantDateDto(row);
  });
}

/** Month, day and year are checked together, against the stored values for those not given. */
export async function patchImportantDate(
  deps: Deps,
  accountId: string,
  id: string,
  patch: ImportantDatePatch,
): Promise<ImportantDate> {
  return deps.store.transaction(async (trx) => {
    const row = await findImportantDate(trx, accountId, id);
    if (!row) throw new NotFound('important date not found');
    const next: ImportantDateRow = {
      ...row,
      ...(patch.kind && { kind: patch.kind }),
      ...(patch.label !== undefined && { label: patch.label ?? null }),
      ...(patch.month !== undefined && { month: patch.month }),
      ...(patch.day !== undefined && { day: patch.day }),
      ...(patch.year !== undefined && { year: patch.year ?? null }),
      ...(patch.leadDays !== undefined && { lead_days: patch.leadDays }),
    };
    const why = invalidDay(next.month, next.day, next.year);
    if (why) throw new Invalid(why, 'day');
    const { account_id: _a, id: _i, contact_id: _c, created_at: _t, ...values } = next;
    await updateImportantDate(trx, accountId, id, values);
    return toImportantDateDto(next);
  });
}

export async function removeImportantDate(deps: Deps, accountId: string, id: string): Promise<void> {
  const row = await findImportantDate(deps.store.read, accountId, id);
  if (!row) throw new NotFound('important date not found');
  await deleteImportantDate(deps.store.read, accountId, id);
}
