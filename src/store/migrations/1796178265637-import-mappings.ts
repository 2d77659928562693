import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Generic CSV imports (F23): a run keeps its column mapping and, while it is a preview, the decoded
 * upload in chunks, so a changed mapping reads the file again; the account remembers the last
 * mapping used per header set (a sha256 of the normalised header names) to pre-fill the next one.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('mapping', 'text').execute();
  await db.schema
    .createTable('import_uploads')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    // Decoded lines joined with LF (a line never holds one), about 256 KB a chunk.
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_uploads_pk', ['account_id', 'run_id', 'seq'])
    .addForeignKeyConstraint(
      'import_uploads_run_fk',
      ['account_id', 'run_id'],
      'import_runs',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('import_mappings')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('header_key', 'text', (c) => c.notNull())
    // JSON array: one mapping field per column, in header order.
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['account_id', 'header_key'])
    .addForeignKeyConstraint('import_mappings_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
