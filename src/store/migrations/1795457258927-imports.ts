import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

/**
 * Import previews: one run per uploaded file and one row per record of it, so a preview survives a
 * page reload and the commit reads exactly what the user saw. Keys start with account_id, as everywhere.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('import_runs')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // reading (rows still arriving) → preview → committed | discarded
    .addColumn('status', 'text', (c) => c.notNull())
    // Phones without a country code are read in this region (ISO 3166 alpha-2).
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addPrimaryKeyConstraint('import_runs_pk', ['account_id', 'id'])
    .addForeignKeyConstraint('import_runs_account_fk', ['account_id'], 'accounts', ['id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('import_runs_created_idx')
    .on('import_runs')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    // A match is an existing contact or an earlier row of the same file (then created with it).
    .addColumn('match_contact_id', 'text')
    .addColumn('match_line', 'integer')
    .addColumn('matched_by', 'text')
    .addColumn('changes', 'text')
    .addColumn('error', 'text')
    .addColumn('raw_name', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['account_id', 'run_id', 'line'])
    .addForeignKeyConstraint(
      'import_rows_run_fk',
      ['account_id', 'run_id'],
      'import_runs',
      ['account_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // Paging the preview by status ("show me the merges").
  await db.schema
    .createIndex('import_rows_status_idx')
    .on('import_rows')
    .columns(['account_id', 'run_id', 'status', 'line'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
