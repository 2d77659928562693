import SQLite from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/store/accounts.repo';
import { kysely } from '../../src/store/conn';
import { insertContact, listContacts } from '../../src/store/contacts.repo';
import { holidayContacts, holidayCountriesInUse } from '../../src/store/holidays.repo';
import type { Conn } from '../../src/store/store';
import { contactCities } from '../../src/store/trips.repo';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const at = '2026-01-01T00:00:00.000Z';

/** The SQL texts and parameters `fn` sends, caught where each driver takes them. */
async function sent(fn: () => Promise<unknown>): Promise<{ sql: string; parameters: unknown[] }[]> {
  const seen: { sql: string; parameters: unknown[] }[] = [];
  const prepare = SQLite.prototype.prepare;
  const query = pg.Client.prototype.query;
  // A statement already in the store's cache is not prepared again: every test opens a fresh store.
  SQLite.prototype.prepare = function (this: SQLite.Database, text: string) {
    const statement = prepare.call(this, text);
    const run = statement.all.bind(statement);
    // Kysely's driver hands over the parameters as one array.
    statement.all = (parameters: unknown[]) => {
      seen.push({ sql: text, parameters });
      return run(parameters);
    };
    return statement;
  } as typeof prepare;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this only watches them.
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    if (typeof args[0] === 'string') seen.push({ sql: args[0], parameters: args[1] ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    SQLite.prototype.prepare = prepare;
    pg.Client.prototype.query = query;
  }
  return seen.filter((s) => /^\s*(with|select)/i.test(s.sql));
}

/** Each statement's plan, as the database would run it with these parameters. */
async function plans(store: TestStore, fn: (c: Conn) => Promise<unknown>): Promise<string> {
  return store.transaction(async (tx) => {
    const statements = await sent(() => fn(tx));
    expect(statements.length).toBeGreaterThan(0);
    const db = kysely(tx);
    // A few rows make a sequential scan cheapest on PostgreSQL; the question is whether the index can serve.
    if (store.kind === 'postgres') await sql`SET LOCAL enable_seqscan = off`.execute(db);
    const out: unknown[] = [];
    for (const s of statements) {
      const explain = store.kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
      out.push((await db.executeQuery(CompiledQuery.raw(`${explain} ${s.sql}`, s.parameters))).rows);
    }
    return JSON.stringify(out);
  });
}

// The four indexes hold only rows with a value (an imported contact writes none of them): each
// reader must still be allowed them, which a query without a non-null condition would not be.
describe.each(dialects)('partial contacts indexes on %s', (dialect) => {
  let store: TestStore;
  afterEach(async () => {
    await store?.close();
  });

  async function seeded(): Promise<TestStore> {
    const s = await freshStore(dialect);
    await insertAccount(s.read, { id: 'a1', name: 'A', time_zone: 'UTC', created_at: at });
    for (const [id, valued] of [
      ['c1', true],
      ['c2', false],
    ] as const)
      await insertContact(s.read, {
        account_id: 'a1',
        id,
        first_name: id,
        last_name: '',
        sort_name: id,
        tracked: 1,
        city: valued ? 'Lyon' : null,
        country: valued ? 'FR' : null,
        holiday_country: valued ? 'FR' : null,
        health_score: valued ? 50 : null,
        last_interaction_at: valued ? at : null,
        created_at: at,
        updated_at: at,
      });
    return s;
  }

  it('serve the list sorted by health and by last contact', async () => {
    store = await seeded();
    const health = await plans(store, (c) => listContacts(c, 'a1', { sort: 'health', limit: 1 }));
    expect(health).toContain('contacts_health_idx');
    const filtered = await plans(store, (c) =>
      listContacts(c, 'a1', { sort: 'health', healthMin: 10, limit: 5 }),
    );
    expect(filtered).toContain('contacts_health_idx');
    const last = await plans(store, (c) => listContacts(c, 'a1', { sort: 'last_contact', limit: 1 }));
    expect(last).toContain('contacts_last_contact_idx');
    // The rows without a value still come, after the valued ones.
    const rows = await listContacts(store.read, 'a1', { sort: 'health', limit: 5 });
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2']);
  });

  it("serve trips' cities and the holiday audience", async () => {
    store = await seeded();
    expect(await plans(store, (c) => contactCities(c, 'a1'))).toContain('contacts_city_idx');
    expect(await contactCities(store.read, 'a1')).toEqual([{ city: 'Lyon', country: 'FR' }]);
    expect(await plans(store, (c) => holidayCountriesInUse(c, 'a1'))).toContain('contacts_holiday_idx');
    expect(await holidayCountriesInUse(store.read, 'a1')).toEqual(['FR']);
    const audience = { countries: ['FR'], circleIds: ['x'], trackedCircleIds: ['x'], now: at, limit: 5 };
    expect(await plans(store, (c) => holidayContacts(c, 'a1', audience))).toContain('contacts_holiday_idx');
  });
});
