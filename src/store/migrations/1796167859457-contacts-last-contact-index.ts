import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * The contacts list sorts by last contact (newest first) with a keyset cursor on (value, id);
 * this index lets both databases walk it backwards and stop at the page size instead of sorting
 * every contact. Name and next-due order already have theirs (contacts_sort_idx, contacts_due_idx).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('contacts_last_contact_idx')
    .on('contacts')
    .columns(['account_id', 'last_interaction_at', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
