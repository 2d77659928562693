import { sql } from 'kysely';
import type { TestStore } from './stores';

/**
 * What is wrong with a database after a fuzz run or a crash: SQLite's own page and foreign-key
 * checks, and on both dialects the invariant the app keeps by hand (one search row per contact).
 * Empty means clean. A test helper, so it may look at the dialect.
 */
export async function integrityProblems(store: TestStore): Promise<string[]> {
  const problems: string[] = [];
  if (store.kind === 'sqlite') {
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
    for (const r of check.rows)
      if (r.integrity_check !== 'ok') problems.push(`integrity: ${r.integrity_check}`);
    const fk = await sql<{ table: string; parent: string }>`PRAGMA foreign_key_check`.execute(store.db);
    for (const r of fk.rows) problems.push(`foreign key: ${r.table} → ${r.parent}`);
  }
  const orphans = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM contact_search s
    WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = s.account_id AND c.id = s.contact_id)`.execute(
    store.db,
  );
  if (Number(orphans.rows[0]?.n) > 0) problems.push(`${orphans.rows[0]?.n} search rows without a contact`);
  const missing = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM contacts c
    WHERE NOT EXISTS (SELECT 1 FROM contact_search s WHERE s.account_id = c.account_id AND s.contact_id = c.id)`.execute(
    store.db,
  );
  if (Number(missing.rows[0]?.n) > 0) problems.push(`${missing.rows[0]?.n} contacts without a search row`);
  const dup = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM (SELECT account_id, contact_id FROM contact_search
    GROUP BY account_id, contact_id HAVING count(*) > 1) d`.execute(store.db);
  if (Number(dup.rows[0]?.n) > 0) problems.push(`${dup.rows[0]?.n} contacts with two search rows`);
  return problems;
}
