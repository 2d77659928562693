import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Contact photos (F23), one per contact, in a table of their own so that listing 30,000 contacts
 * never reads image bytes. `data` is the normalised JPEG as base64 text: one column type on both
 * databases, and the form a backup and a vCard carry it in. `hash` is the HTTP ETag.
 * import_row_photos holds a preview's photos, already normalised, until the commit moves them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('contact_photos')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_photos_pk', ['account_id', 'contact_id'])
    .addForeignKeyConstraint(
      'contact_photos_contact_fk',
      ['account_id', 'contact_id'],
      'contacts',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('import_row_photos')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_row_photos_pk', ['account_id', 'run_id', 'line'])
    .addForeignKeyConstraint(
      'import_row_photos_run_fk',
      ['account_id', 'run_id'],
      'import_runs',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
