import { insertMany } from './chunks';
import { kysely } from './conn';
import type { Conn } from './store';

/** Stores chunks of a generic CSV preview's decoded upload. */
export async function insertImportUploadChunks(
  conn: Conn,
  accountId: string,
  runId: string,
  chunks: { seq: number; text: string }[],
): Promise<void> {
  if (chunks.length === 0) return;
  await insertMany(
    conn,
    'import_uploads',
    chunks.map((c) => ({ account_id: accountId, run_id: runId, seq: c.seq, text: c.text })),
  );
}

/** One chunk of a stored upload, or undefined past the last. */
export async function importUploadChunk(
  conn: Conn,
  accountId: string,
  runId: string,
  seq: number,
): Promise<string | undefined> {
  const row = await kysely(conn)
    .selectFrom('import_uploads')
    .select('text')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.text;
}

/** Drops a run's stored upload (its preview ended). */
export async function deleteImportUpload(conn: Conn, accountId: string, runId: string): Promise<void> {
  await kysely(conn)
    .deleteFrom('import_uploads')
    .where('account_id', '=', accountId)
    .where('run_id', '=', runId)
    .execute();
}
