import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';

// An upgrade, not a fresh install: contacts written before the holidays migration get their
// holiday country from the same rule as new writes (field, else phone, else zone).
describe('the holidays migration on an existing SQLite database', () => {
  let db: Kysely<Database>;
  afterEach(async () => {
    await db?.destroy();
  });

  it('backfills holiday_country for contacts that already exist', async () => {
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    await migrateToLatest(db, '1796167417089-token-scopes');
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('accounts')
      .values({ id: 'a1', name: 'Ada', time_zone: 'UTC', created_at: at })
      .execute();
    const contact = (id: string, country: string | null, zone: string | null) => ({
      account_id: 'a1',
      id,
      first_name: id,
      last_name: 'X',
      sort_name: id,
      country,
      time_zone: zone,
      tracked: 1,
      created_at: at,
      updated_at: at,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the table before this migration has no holiday_country
    const old = db as unknown as Kysely<any>;
    await old
      .insertInto('contacts')
      .values([
        contact('field', 'Germany', 'Asia/Kolkata'),
        contact('phone', null, null),
        contact('zone', null, 'Asia/Kolkata'),
        contact('none', 'Atlantis', null),
      ])
      .execute();
    await old
      .insertInto('contact_phones')
      .values({
        account_id: 'a1',
        id: 'p1',
        contact_id: 'phone',
        value: '+1 416 555 0123',
        e164: '+14165550123',
        label: null,
        position: 0,
      })
      .execute();
    await migrateToLatest(db);
    const rows = await db.selectFrom('contacts').select(['id', 'holiday_country']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'field', holiday_country: 'DE' },
      { id: 'none', holiday_country: null },
      { id: 'phone', holiday_country: 'CA' },
      { id: 'zone', holiday_country: 'IN' },
    ]);
  });
});
