import { NotFound } from '../core/errors';
import { type ContactRow, findContact } from '../store/contacts.repo';
import type { Conn } from '../store/store';

/** The contact a child row hangs off; NotFound also for another account's id, so existence never leaks. */
export async function requireContact(db: Conn, accountId: string, contactId: string): Promise<ContactRow> {
  const row = await findContact(db, accountId, contactId);
  if (!row) throw new NotFound('contact not found');
  return row;
}
