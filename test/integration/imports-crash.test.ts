import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../src/services/imports/import-commit';
import { openSqlite } from '../../src/store/sqlite';
import { fixedClock } from '../helpers/app';
import { withRaw } from '../helpers/stores';

const subject = fileURLToPath(new URL('../fixtures/imports/crash-commit.ts', import.meta.url));

/** Runs the subject until it reports MID-COMMIT, then kills it with SIGKILL (kill -9). */
function killMidCommit(dbPath: string): Promise<{ accountId: string; runId: string; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', subject, dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('MID-COMMIT')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      const m = /PREVIEW (\S+) (\S+)/.exec(out);
      if (!m || !out.includes('MID-COMMIT'))
        return reject(new Error(`subject did not reach the commit:\n${out}\n${err}`));
      resolve({ accountId: m[1]!, runId: m[2]!, signal });
    });
  });
}

describe('import commit killed mid-transaction (SQLite file)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no contacts and the run still in preview, ready to commit again', {
    timeout: 180_000,
  }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'tend-crash-'));
    const dbPath = join(dir, 'tend.sqlite');
    const { accountId, runId, signal } = await killMidCommit(dbPath);
    expect(signal).toBe('SIGKILL');

    const store = withRaw(await openSqlite(dbPath), 'sqlite');
    try {
      const count = async (table: 'contacts' | 'contact_links' | 'contact_search') =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('contacts')).toBe(0);
      expect(await count('contact_links')).toBe(0);
      expect(await count('contact_search')).toBe(0);
      const run = await store.db
        .selectFrom('import_runs')
        .selectAll()
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      expect(run).toMatchObject({ status: 'preview', committed_at: null });
      const rows = await store.db
        .selectFrom('import_rows')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(20_000);

      // The preview survived whole: committing it now imports every row.
      const done = await commitImport(
        { store, clock: fixedClock(), newId: () => crypto.randomUUID() },
        accountId,
        runId,
        {
          defaults: { merge: 'merge', duplicate: 'skip', conflict: 'create' },
          tracked: true,
        },
      );
      expect(done.result).toMatchObject({ created: 20_000 });
      expect(await count('contacts')).toBe(20_000);
    } finally {
      await store.close();
    }
  });
});
