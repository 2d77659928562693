import {
  CARD_FIELD_NAMES,
  type CarddavConflict,
  ConflictField,
  type ConflictResolve,
} from '../../contract/carddav';
import { Invalid, NotFound } from '../../core/errors';
import { changedFields, pickFields, readOneCard } from '../../formats/vcard-merge';
import {
  type ConflictRow,
  conflictsOf,
  deleteConflict,
  findConflict,
  linksOf,
  upsertLink,
} from '../../store/carddav.repo';
import { findContact } from '../../store/contacts.repo';
import type { Conn } from '../../store/store';
import type { Deps } from '../deps';
import { asImported, tendLike } from './carddav-sync';
import { applyCard } from './dav-put';

function detailOf(row: ConflictRow): { reason: string; fields: ConflictField[] } {
  const raw = row.detail;
  const reason = typeof raw === 'object' && raw !== null && 'reason' in raw ? String(raw.reason) : '';
  const fields = typeof raw === 'object' && raw !== null && 'fields' in raw ? raw.fields : [];
  return { reason, fields: ConflictField.array().catch([]).parse(fields) };
}

async function toDto(db: Conn, row: ConflictRow): Promise<CarddavConflict> {
  const contact = await findContact(db, row.account_id, row.contact_id);
  const card = await readOneCard(row.body);
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    kind: row.kind,
    href: row.href,
    contactId: row.contact_id,
    contactName: contact ? `${contact.first_name} ${contact.last_name}`.trim() : '(deleted)',
    cardName: typeof card === 'string' ? row.href : `${card.firstName} ${card.lastName}`.trim(),
    ...detailOf(row),
    createdAt: row.created_at,
  };
}

/** What waits for a choice: cards matching a contact, and fields both sides changed. */
export async function carddavConflicts(deps: Deps, accountId: string): Promise<CarddavConflict[]> {
  const rows = await conflictsOf(deps.store.read, accountId);
  return Promise.all(rows.map((r) => toDto(deps.store.read, r)));
}

/**
 * The user's choice. A match is linked (the card updates that contact), created as a person of
 * their own, or ignored (never imported). Fields take the side picked for each; the card's other
 * changes come in too, and what Tend keeps is written to the book on the next sync.
 */
export async function resolveConflict(
  deps: Deps,
  accountId: string,
  id: string,
  choice: ConflictResolve,
): Promise<string> {
  return deps.store.transaction(async (tx) => {
    const row = await findConflict(tx, accountId, id);
    if (!row) throw new NotFound('conflict not found');
    if (row.kind !== choice.kind)
      throw new Invalid(`this conflict is a ${row.kind} conflict, not ${choice.kind}`, 'kind');
    const remote = await readOneCard(row.body);
    if (typeof remote === 'string') throw new Invalid(`the card cannot be read: ${remote}`, 'id');
    const linkRow = { account_id: accountId, subscription_id: row.subscription_id, href: row.href };
    const linked = (await linksOf(tx, accountId, row.subscription_id)).find((l) => l.href === row.href);
    if (choice.kind === 'match') {
      if (choice.action === 'ignore') {
        // A link to no contact: the card is remembered, so it is not listed again.
        await upsertLink(tx, {
          ...linkRow,
          contact_id: '',
          etag: row.etag,
          body: row.body,
          contact_updated_at: '',
          note_id: null,
        });
      } else {
        const target = choice.action === 'link' ? row.contact_id : undefined;
        if (target && !(await findContact(tx, accountId, target)))
          throw new NotFound('the matched contact was deleted; choose create or ignore');
        const { contact, noteId } = await applyCard(deps, tx, accountId, target, remote, undefined);
        await upsertLink(tx, {
          ...linkRow,
          contact_id: contact.id,
          etag: row.etag,
          body: row.body,
          contact_updated_at: contact.updatedAt,
          note_id: noteId,
        });
      }
    } else {
      const { fields } = detailOf(row);
      for (const f of fields)
        if (!choice.pick[f.field])
          throw new Invalid(`choose tend or remote for ${f.field}`, `pick.${f.field}`);
      if (!linked || !(await findContact(tx, accountId, linked.contact_id)))
        throw new NotFound('the linked contact was deleted');
      const tend = await tendLike(tx, accountId, linked.contact_id);
      const base = await readOneCard(linked.body);
      const clashing = new Set(fields.map((f) => f.field));
      const fromRemote = [
        ...(typeof base === 'string' ? [] : changedFields(base, remote)).filter((f) => !clashing.has(f)),
        ...CARD_FIELD_NAMES.filter((f) => choice.pick[f] === 'remote'),
      ];
      const merged = asImported(pickFields(tend, remote, fromRemote));
      const { noteId } = await applyCard(deps, tx, accountId, linked.contact_id, merged, {
        note_id: linked.note_id,
        previousNote: typeof base === 'string' ? undefined : base.notes,
      });
      // The card as it is now is the new base; '' marks Tend's side as not yet written back.
      await upsertLink(tx, {
        ...linkRow,
        contact_id: linked.contact_id,
        etag: row.etag,
        body: row.body,
        contact_updated_at: changedFields(merged, remote).length
          ? ''
          : await stampOf(tx, accountId, linked.contact_id),
        note_id: noteId,
      });
    }
    await deleteConflict(tx, accountId, row.subscription_id, row.href);
    return row.subscription_id;
  });
}

async function stampOf(tx: Conn, accountId: string, contactId: string): Promise<string> {
  return (await findContact(tx, accountId, contactId))?.updated_at ?? '';
}
