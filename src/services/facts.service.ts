import type { Fact, FactCreate, FactPatch } from '../contract/facts';
import { NotFound } from '../core/errors';
import { reindexContacts } from '../store/contacts.repo';
import { deleteFact, type FactRow, findFact, insertFact, listFacts, updateFact } from '../store/facts.repo';
import { type Deps, nowIso } from './deps';
import { requireContact } from './require-contact';

export function toFactDto(r: FactRow): Fact {
  return {
    id: r.id,
    contactId: r.contact_id,
    kind: r.kind,
    label: r.label,
    value: r.value,
    pinned: r.pinned === 1,
    createdAt: r.created_at,
  };
}

/** A contact's facts, pinned first. */
export async function contactFacts(deps: Deps, accountId: string, contactId: string): Promise<Fact[]> {
  await requireContact(deps.store.read, accountId, contactId);
  return (await listFacts(deps.store.read, accountId, contactId)).map(toFactDto);
}

/** Adds a fact; search sees it in the same transaction. */
export async function addFact(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: FactCreate,
): Promise<Fact> {
  return deps.store.transaction(async (trx) => {
    await requireContact(trx, accountId, contactId);
    const row = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      kind: input.kind,
      label: input.label,
      value: input.value,
      pinned: input.pinned ? 1 : 0,
      created_at: nowIso(deps),
    };
    await insertFact(trx, row);
    await reindexContacts(trx, accountId, [contactId]);
    return toFactDto(row);
  });
}

export async function patchFact(deps: Deps, accountId: string, id: string, patch: FactPatch): Promise<Fact> {
  return deps.store.transaction(async (trx) => {
    const row = await findFact(trx, accountId, id);
    if (!row) throw new NotFound('fact not found');
    const values: Partial<FactRow> = {
      ...(patch.kind && { kind: patch.kind }),
      ...(patch.label !== undefined && { label: patch.label }),
      ...(patch.value !== undefined && { value: patch.value }),
      ...(patch.pinned !== undefined && { pinned: patch.pinned ? 1 : 0 }),
    };
    if (Object.keys(values).length) await updateFact(trx, accountId, id, values);
    await reindexContacts(trx, accountId, [row.contact_id]);
    return toFactDto({ ...row, ...values });
  });
}

export async function removeFact(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const row = await findFact(trx, accountId, id);
    if (!row) throw new NotFound('fact not found');
    await deleteFact(trx, accountId, id);
    await reindexContacts(trx, accountId, [row.contact_id]);
  });
}
