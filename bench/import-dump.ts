import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { commitImport } from '../src/services/imports/import-commit';
import { previewImport } from '../src/services/imports/imports.service';
import { insertAccount } from '../src/store/accounts.repo';
import { openSqlite } from '../src/store/sqlite';

/**
 * `tsx bench/import-dump.ts OUT.txt`: imports every file of test/fixtures/imports and the two floor
 * bench files (from $TMPDIR/tend-bench-import, made by `npm run bench:import`) into fresh SQLite
 * databases with a fixed clock and a counting id source, previews and commits each, and writes every
 * table's rows (sorted) to OUT.txt with one digest a file. Run on two commits and diff the outputs:
 * a speed-up of the import must leave them byte-identical.
 */
const FIXTURES = join(import.meta.dirname, '../test/fixtures/imports');
const BENCH = join(tmpdir(), 'tend-bench-import');
const DIR = join(tmpdir(), 'tend-import-dump');
const NOW = new Date('2026-12-02T12:00:00.000Z');
/** Bookkeeping that holds the wall clock, not the import's output. */
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock']);

async function dumpOne(file: string): Promise<string[]> {
  const path = join(DIR, 'dump.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  let n = 0;
  const newId = () => `01900000-0000-7000-8000-${(n++).toString(16).padStart(12, '0')}`;
  const store = await openSqlite(path);
  const accountId = newId();
  await insertAccount(store.read, {
    id: accountId,
    name: 'Dump',
    time_zone: 'America/New_York',
    created_at: NOW.toISOString(),
  });
  const deps = { store, clock: () => NOW, newId };
  const out: string[] = [];
  try {
    const name = file.split('/').pop() ?? file;
    const run = await previewImport(deps, accountId, createReadStream(file, { highWaterMark: 64 * 1024 }), {
      fileName: name,
    });
    out.push(`preview ${JSON.stringify(run)}`);
    const done = await commitImport(deps, accountId, run.id, {
      defaults: { merge: 'merge', duplicate: 'skip', conflict: 'create' },
      tracked: true,
    });
    out.push(`commit ${JSON.stringify(done)}`);
  } catch (e) {
    out.push(`error ${e instanceof Error ? e.message : String(e)}`);
  }
  await store.close();
  const db = new SQLite(path, { readonly: true });
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'contact_search_%' order by name",
    )
    .pluck()
    .all();
  for (const table of tables) {
    if (typeof table !== 'string' || SKIPPED.has(table)) continue;
    const rows = db
      .prepare(`select * from "${table}"`)
      .raw()
      .all()
      .map((r) => JSON.stringify(r, (_, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    rows.sort();
    for (const r of rows) out.push(`${table}\t${r}`);
  }
  db.close();
  return out;
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: tsx bench/import-dump.ts OUT.txt');
  mkdirSync(DIR, { recursive: true });
  const files = [
    ...readdirSync(FIXTURES)
      .filter((f) => /\.(csv|vcf|bin)$/.test(f))
      .sort()
      .map((f) => join(FIXTURES, f)),
    join(BENCH, 'linkedin-30k.csv'),
    join(BENCH, 'cards-10k.vcf'),
  ];
  const lines: string[] = [];
  for (const file of files) {
    const rows = await dumpOne(file);
    const digest = createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
    console.log(`${digest} ${rows.length} ${file.split('/').pop()}`);
    lines.push(`== ${file.split('/').pop()} ${digest}`);
    for (const row of rows) lines.push(row);
  }
  writeFileSync(target, `${lines.join('\n')}\n`);
}

await main();
