import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids';
import { commitImport } from '../../src/services/imports/import-commit';
import { previewImport } from '../../src/services/imports/imports.service';
import { insertAccount } from '../../src/store/accounts.repo';
import { fixedClock } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { linkedInCsv } from './imports-helpers';

/**
 * A 30,000-row LinkedIn commit on a fresh PostgreSQL database did not finish in 400 s: with no
 * statistics on contacts, the foreign-key check of every child row (planned once per connection)
 * took an `(account_id, updated_at)` index and walked the account's contacts to find one. After a
 * bulk commit, the lookup that check runs must go by the primary key.
 */
async function lookupPlan(store: TestStore): Promise<string> {
  if (store.kind === 'sqlite') {
    const r = await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT 1 FROM contacts WHERE account_id = 'a' AND id = 'b'`.execute(store.db);
    return r.rows.map((x) => x.detail).join('\n');
  }
  // The check's own statement, planned generically as the check's saved plan is.
  return store.db.connection().execute(async (c) => {
    await sql`SET plan_cache_mode = force_generic_plan`.execute(c);
    await sql`PREPARE fk_lookup(text, text) AS SELECT 1 FROM ONLY contacts x WHERE account_id = $1 AND id = $2 FOR KEY SHARE OF x`.execute(
      c,
    );
    const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN EXECUTE fk_lookup('a', 'b')`.execute(c);
    await sql`DEALLOCATE fk_lookup`.execute(c);
    await sql`RESET plan_cache_mode`.execute(c);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
}

describe.each(dialects)('import commit on a database without statistics (%s)', (dialect) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('leaves the foreign-key lookup of contacts on the primary key', async () => {
    store = await freshStore(dialect);
    const accountId = newId();
    await insertAccount(store.read, {
      id: accountId,
      name: 'Ada',
      time_zone: 'Europe/London',
      created_at: '2026-03-10T09:00:00.000Z',
    });
    const rows = Array.from({ length: 600 }, (_, i) => [
      `Ada${i}`,
      'Zed',
      `https://www.linkedin.com/in/ada-zed-${i}`,
      i % 3 === 0 ? `ada${i}@example.com` : '',
      `Company ${i}`,
      'Engineer',
      '08 Nov 2025',
    ]);
    const deps = { store, clock: fixedClock(), newId };
    const run = await previewImport(deps, accountId, Readable.from([Buffer.from(linkedInCsv(rows))]), {
      fileName: 'Connections.csv',
    });
    const done = await commitImport(deps, accountId, run.id, {
      defaults: { merge: 'merge', duplicate: 'skip', conflict: 'create' },
    });
    expect(done.result?.created).toBe(600);
    const plan = await lookupPlan(store);
    expect(plan).toMatch(
      dialect === 'sqlite'
        ? /USING (COVERING )?INDEX sqlite_autoindex_contacts_1 \(account_id=\? AND id=\?\)/
        : /contacts_pk/,
    );
    expect(plan).not.toMatch(/contacts_updated_idx|Seq Scan|SCAN contacts/);
  });
});
