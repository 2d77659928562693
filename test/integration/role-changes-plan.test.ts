import { afterEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/store/accounts.repo';
import { insertContact } from '../../src/store/contacts.repo';
import { roleChangesOn } from '../../src/store/life-events.repo';
import { plans } from '../helpers/query-plans';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const at = '2026-01-01T00:00:00.000Z';

// Today's role anniversaries read the job changes of a few days in every year: per kind and range
// through life_events_kind_idx, not every event of those days through life_events_date_idx with a
// table fetch each to test its kind (bench/RESULTS.md, 2026-12-02, branch s6-today-100k).
describe.each(dialects)('role changes on a few days of every year on %s', (dialect) => {
  let store: TestStore;
  afterEach(async () => {
    await store?.close();
  });

  it('are read through the kind index', async () => {
    store = await freshStore(dialect);
    await insertAccount(store.read, { id: 'a1', name: 'A', time_zone: 'UTC', created_at: at });
    await insertContact(store.read, {
      account_id: 'a1',
      id: 'c1',
      first_name: 'C',
      last_name: '',
      sort_name: 'c',
      tracked: 1,
      created_at: at,
      updated_at: at,
    });
    await store.db
      .insertInto('life_events')
      .values(
        (['new_job', 'award', 'new_role'] as const).map((kind, i) => ({
          account_id: 'a1',
          id: `e${i}`,
          contact_id: 'c1',
          kind,
          title: kind,
          occurred_on: `${2023 + i}-03-10`,
          source: 'manual',
          created_at: at,
        })),
      )
      .execute();
    const w = { monthDays: ['03-09', '03-10', '03-11'], before: '2026-03-10', limit: 80 };
    // SQLite has no statistics here and plans by the query's shape, which is what this holds;
    // PostgreSQL plans a table of three rows by its statistics, so only the rows are checked there.
    if (dialect === 'sqlite') {
      const plan = await plans(store, (c) => roleChangesOn(c, 'a1', w));
      expect(plan).toContain('life_events_kind_idx');
      expect(plan).not.toContain('life_events_date_idx');
    }
    // The latest change of each contact decides which anniversary counts (the award is no job change).
    expect(await roleChangesOn(store.read, 'a1', w)).toEqual([
      {
        contact_id: 'c1',
        kind: 'new_role',
        occurred_on: '2025-03-10',
        time_zone: null,
        latest: '2025-03-10',
      },
      { contact_id: 'c1', kind: 'new_job', occurred_on: '2023-03-10', time_zone: null, latest: '2025-03-10' },
    ]);
  });
});
