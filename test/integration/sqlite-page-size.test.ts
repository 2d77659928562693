import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, PAGE_SIZE } from '../../src/store/sqlite';

const pageSize = (path: string) => {
  const db = new SQLite(path, { readonly: true });
  try {
    return db.pragma('page_size', { simple: true });
  } finally {
    db.close();
  }
};

// Larger pages are for new files only: an installed database is not rewritten on upgrade.
describe('the page size of a SQLite file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is PAGE_SIZE for a new database and stays what it was for an existing one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tend-pages-'));
    const fresh = join(dir, 'new.db');
    await (await openSqlite(fresh)).close();
    expect(PAGE_SIZE).toBe(8192);
    expect(pageSize(fresh)).toBe(PAGE_SIZE);

    const old = join(dir, 'old.db');
    const made = new SQLite(old);
    made.pragma('journal_mode = WAL');
    made.exec('create table t (x)');
    made.close();
    const before = pageSize(old);
    expect(before).not.toBe(PAGE_SIZE);
    await (await openSqlite(old)).close();
    expect(pageSize(old)).toBe(before);
  });
});
