import type { LifeEvent, LifeEventCreate, LifeEventPatch } from '../contract/life-events';
import { NotFound } from '../core/errors';
import {
  deleteLifeEvent,
  findLifeEvent,
  insertLifeEvent,
  type LifeEventRow,
  listLifeEvents,
  updateLifeEvent,
} from '../store/life-events.repo';
import { type Deps, nowIso } from './deps';
import { requireContact } from './require-contact';

export function toLifeEventDto(r: LifeEventRow): LifeEvent {
  return {
    id: r.id,
    contactId: r.contact_id,
    kind: r.kind,
    title: r.title,
    occurredOn: r.occurred_on,
    source: r.source === 'import_diff' ? 'import_diff' : 'manual',
    createdAt: r.created_at,
  };
}

export async function contactLifeEvents(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<LifeEvent[]> {
  await requireContact(deps.store.read, accountId, contactId);
  return (await listLifeEvents(deps.store.read, accountId, contactId)).map(toLifeEventDto);
}

/** Records a win or a hard moment the user learnt about (source 'manual'; imports add 'import_diff'). */
export async function addLifeEvent(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: LifeEventCreate,
): Promise<LifeEvent> {
  return deps.store.transaction(async (trx) => {
    await requireContact(trx, accountId, contactId);
    const row = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      kind: input.kind,
      title: input.title,
      occurred_on: input.occurredOn,
      source: 'manual',
      created_at: nowIso(deps),
    };
    await insertLifeEvent(trx, row);
    return toLifeEventDto(row);
  });
}

/** Corrects an event's kind, title or date; another account's id is a 404, like a missing one. */
export async function patchLifeEvent(
  deps: Deps,
  accountId: string,
  id: string,
  patch: LifeEventPatch,
): Promise<LifeEvent> {
  return deps.store.transaction(async (trx) => {
    const row = await findLifeEvent(trx, accountId, id);
    if (!row) throw new NotFound('life event not found');
    const values = {
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.occurredOn !== undefined && { occurred_on: patch.occurredOn }),
    };
    await updateLifeEvent(trx, accountId, id, values);
    return toLifeEventDto({ ...row, ...values });
  });
}

export async function removeLifeEvent(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteLifeEvent(deps.store.read, accountId, id)) === 0)
    throw new NotFound('life event not found');
}
