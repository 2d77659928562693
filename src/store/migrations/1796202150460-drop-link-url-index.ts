import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * contact_links_url_idx (account_id, url) served no query: links are read per contact
 * (contact_links_contact_idx) or all of an account's at once (import dedupe, capture matching), and
 * nothing looks a link up by its URL. Each imported LinkedIn connection still paid for a b-tree
 * insert of its profile URL: ~0.1 s CPU of a 30,000-row commit (bench/RESULTS.md, Import).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('contact_links_url_idx').ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('contact_links_url_idx')
    .on('contact_links')
    .columns(['account_id', 'url'])
    .execute();
}
