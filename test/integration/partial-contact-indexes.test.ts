import { afterEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/store/accounts.repo';
import { insertContact, listContacts } from '../../src/store/contacts.repo';
import { holidayContacts, holidayCountriesInUse } from '../../src/store/holidays.repo';
import { contactCities } from '../../src/store/trips.repo';
import { plans } from '../helpers/query-plans';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const at = '2026-01-01T00:00:00.000Z';

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
