import type { Note, NoteCreate, NotePatch } from '../contract/notes';
import { NotFound } from '../core/errors';
import { reindexContacts } from '../store/contacts.repo';
import { deleteNote, findNote, insertNote, listNotes, type NoteRow, updateNote } from '../store/notes.repo';
import { type Deps, nowIso } from './deps';
import { requireContact } from './require-contact';

export function toNoteDto(r: NoteRow): Note {
  return {
    id: r.id,
    contactId: r.contact_id,
    body: r.body,
    pinned: r.pinned === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A contact's notes, pinned first. */
export async function contactNotes(deps: Deps, accountId: string, contactId: string): Promise<Note[]> {
  await requireContact(deps.store.read, accountId, contactId);
  return (await listNotes(deps.store.read, accountId, contactId)).map(toNoteDto);
}

/** Adds a note; search sees it in the same transaction. */
export async function addNote(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: NoteCreate,
): Promise<Note> {
  return deps.store.transaction(async (trx) => {
    await requireContact(trx, accountId, contactId);
    const now = nowIso(deps);
    const row = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      body: input.body,
      pinned: input.pinned ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await insertNote(trx, row);
    await reindexContacts(trx, accountId, [contactId]);
    return toNoteDto(row);
  });
}

export async function patchNote(deps: Deps, accountId: string, id: string, patch: NotePatch): Promise<Note> {
  return deps.store.transaction(async (trx) => {
    const row = await findNote(trx, accountId, id);
    if (!row) throw new NotFound('note not found');
    const values: Partial<NoteRow> = {
      ...(patch.body !== undefined && { body: patch.body }),
      ...(patch.pinned !== undefined && { pinned: patch.pinned ? 1 : 0 }),
      updated_at: nowIso(deps),
    };
    await updateNote(trx, accountId, id, values);
    await reindexContacts(trx, accountId, [row.contact_id]);
    return toNoteDto({ ...row, ...values });
  });
}

export async function removeNote(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const row = await findNote(trx, accountId, id);
    if (!row) throw new NotFound('note not found');
    await deleteNote(trx, accountId, id);
    await reindexContacts(trx, accountId, [row.contact_id]);
  });
}
