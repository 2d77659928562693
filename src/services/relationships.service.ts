import type {
  Relationship,
  RelationshipCreate,
  RelationshipList,
  RelationshipPatch,
} from '../contract/relationships';
import { Conflict, Invalid, NotFound } from '../core/errors';
import { relationshipLabel, SYMMETRIC_RELATIONSHIPS } from '../core/relationships';
import type { RelationshipKind } from '../core/vocabulary';
import { findContact } from '../store/contacts.repo';
import {
  deleteRelationship,
  findPairRelationship,
  findRelationship,
  insertRelationship,
  listRelated,
  type RelatedRow,
  updateRelationship,
} from '../store/relationships.repo';
import type { Conn } from '../store/store';
import { displayName } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { requireContact } from './require-contact';

function toDto(r: RelatedRow, pageContactId: string): Relationship {
  return {
    id: r.id,
    kind: r.kind,
    contactId: r.contact_id,
    otherId: r.other_contact_id,
    label: relationshipLabel(r.kind, r.contact_id === pageContactId ? 'subject' : 'other'),
    person: {
      id: r.related_id,
      displayName: displayName({ first_name: r.related_first_name, last_name: r.related_last_name }),
      company: r.related_company,
      lastInteractionAt: r.related_last_interaction_at,
    },
    note: r.note,
    createdAt: r.created_at,
  };
}

async function related(db: Conn, accountId: string, contactId: string): Promise<Relationship[]> {
  return (await listRelated(db, accountId, contactId))
    .map((r) => toDto(r, contactId))
    .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName) || a.id.localeCompare(b.id));
}

/** Refuses the same pair twice with one kind; a symmetric kind counts from either end. */
async function assertNew(
  db: Conn,
  accountId: string,
  contactId: string,
  otherId: string,
  kind: RelationshipKind,
  exceptId?: string,
): Promise<void> {
  const existing = await findPairRelationship(db, accountId, contactId, otherId, kind);
  if (!existing || existing.id === exceptId) return;
  const sameWay = existing.contact_id === contactId;
  if (sameWay || SYMMETRIC_RELATIONSHIPS.has(kind))
    throw new Conflict(
      `these two are already linked as ${relationshipLabel(kind, 'subject').toLowerCase()}`,
      'kind',
    );
}

/** The contact's relationships from both ends, and who of them could introduce you (F29 warm paths). */
export async function contactRelationships(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<RelationshipList> {
  const db = deps.store.read;
  await requireContact(db, accountId, contactId);
  const items = await related(db, accountId, contactId);
  const seen = new Set<string>();
  const introducers = items
    .filter((r) => r.person.lastInteractionAt !== null)
    .sort((a, b) => (b.person.lastInteractionAt ?? '').localeCompare(a.person.lastInteractionAt ?? ''))
    .filter((r) => !seen.has(r.person.id) && seen.add(r.person.id))
    .map((r) => ({
      id: r.person.id,
      displayName: r.person.displayName,
      label: r.label,
      lastInteractionAt: r.person.lastInteractionAt ?? '',
    }));
  return { items, introducers };
}

export async function addRelationship(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: RelationshipCreate,
): Promise<Relationship> {
  return deps.store.transaction(async (trx) => {
    await requireContact(trx, accountId, contactId);
    if (input.otherId === contactId)
      throw new Invalid('a contact cannot be related to themselves', 'otherId');
    if (!(await findContact(trx, accountId, input.otherId))) throw new Invalid('no such contact', 'otherId');
    await assertNew(trx, accountId, contactId, input.otherId, input.kind);
    const id = deps.newId();
    await insertRelationship(trx, {
      account_id: accountId,
      id,
      contact_id: contactId,
      other_contact_id: input.otherId,
      kind: input.kind,
      note: input.note ?? null,
      created_at: nowIso(deps),
    });
    return (await related(trx, accountId, contactId)).find((r) => r.id === id)!;
  });
}

export async function patchRelationship(
  deps: Deps,
  accountId: string,
  id: string,
  patch: RelationshipPatch,
): Promise<Relationship> {
  return deps.store.transaction(async (trx) => {
    const row = await findRelationship(trx, accountId, id);
    if (!row) throw new NotFound('relationship not found');
    const kind = patch.kind ?? row.kind;
    // A symmetric kind reads the same both ways, so there is nothing to reverse.
    const reverse = patch.reverse === true && !SYMMETRIC_RELATIONSHIPS.has(kind);
    const [subject, other] = reverse
      ? [row.other_contact_id, row.contact_id]
      : [row.contact_id, row.other_contact_id];
    if (kind !== row.kind || reverse) await assertNew(trx, accountId, subject, other, kind, id);
    await updateRelationship(trx, accountId, id, {
      ...(kind !== row.kind && { kind }),
      ...(reverse && { contact_id: subject, other_contact_id: other }),
      ...(patch.note !== undefined && { note: patch.note ?? null }),
    });
    return (await related(trx, accountId, subject)).find((r) => r.id === id)!;
  });
}

export async function removeRelationship(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    if ((await deleteRelationship(trx, accountId, id)) === 0) throw new NotFound('relationship not found');
  });
}
