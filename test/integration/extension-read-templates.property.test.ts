import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_KINDS } from '../../src/core/resource-match';
import { TRIP_KINDS } from '../../src/core/trips';
import { newId } from '../../src/ids';
import { insertAccount } from '../../src/store/accounts.repo';
import { meetingsBetween } from '../../src/store/calendar-meetings.repo';
import { holidayCountriesInUse } from '../../src/store/holidays.repo';
import { listResources } from '../../src/store/resources.repo';
import { listTrips } from '../../src/store/trips.repo';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const created = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;
const dayOf = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * DAY).toISOString();
const anyDay = fc.integer({ min: 0, max: 60 });
const COUNTRIES = ['DE', 'FR', 'GB', 'IN', 'JP', 'US'];

const network = fc.record({
  contacts: fc.array(fc.option(fc.constantFrom(...COUNTRIES), { nil: null }), { minLength: 1, maxLength: 8 }),
  trips: fc.array(
    fc.record({ from: anyDay, days: fc.integer({ min: 0, max: 9 }), kind: fc.constantFrom(...TRIP_KINDS) }),
    { maxLength: 6 },
  ),
  resources: fc.array(
    fc.record({
      day: anyDay,
      kind: fc.constantFrom(...RESOURCE_KINDS),
      url: fc.option(fc.constant('https://example.com/a'), { nil: null }),
      tags: fc.subarray(['Rust', 'rust', 'Go', 'AI']),
    }),
    { maxLength: 6 },
  ),
  meetings: fc.array(fc.record({ day: anyDay, allDay: fc.boolean(), contact: fc.nat() }), { maxLength: 6 }),
});

/**
 * The reads Today's extensions make on every call, now sent from templates (store/query-template.ts)
 * with checked decoders, return exactly what the Kysely queries they replaced returned (`select *`
 * rows, in order, key for key), over generated rows and every shape of filter.
 */
describe.each(dialects)('Today extension reads from templates on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => {
    await store.close();
  });

  it('trips, resources, meetings and holiday countries match the queries they replaced', async () => {
    await fc.assert(
      fc.asyncProperty(
        network,
        anyDay,
        anyDay,
        fc.integer({ min: 1, max: 8 }),
        fc.record({
          kind: fc.option(fc.constantFrom(...RESOURCE_KINDS), { nil: undefined }),
          tag: fc.option(fc.constantFrom('RUST', 'go', 'none'), { nil: undefined }),
          since: fc.option(anyDay, { nil: undefined }),
          endingFrom: fc.option(anyDay, { nil: undefined }),
          startingBy: fc.option(anyDay, { nil: undefined }),
        }),
        async (net, a, b, limit, f) => {
          const accountId = newId();
          const db = store.db;
          await store.transaction((tx) =>
            insertAccount(tx, { id: accountId, name: 'A', time_zone: 'UTC', created_at: created }),
          );
          const contactIds = net.contacts.map(() => newId());
          await db
            .insertInto('contacts')
            .values(
              net.contacts.map((country, i) => ({
                account_id: accountId,
                id: contactIds[i]!,
                first_name: `P${i}`,
                last_name: '',
                sort_name: `p${i}`,
                holiday_country: country,
                tracked: 1,
                created_at: created,
                updated_at: created,
              })),
            )
            .execute();
          for (const [i, t] of net.trips.entries())
            await db
              .insertInto('trips')
              .values({
                account_id: accountId,
                id: newId(),
                name: `T${i}`,
                city: 'Lyon',
                country: i % 2 ? 'FR' : null,
                starts_on: dayOf(t.from).slice(0, 10),
                ends_on: dayOf(t.from + t.days).slice(0, 10),
                kind: t.kind,
                created_at: created,
              })
              .execute();
          for (const [i, r] of net.resources.entries()) {
            const id = newId();
            await db
              .insertInto('resources')
              .values({
                account_id: accountId,
                id,
                kind: r.kind,
                title: `R${i}`,
                url: r.url,
                note: '',
                created_at: dayOf(r.day),
              })
              .execute();
            for (const [position, tag] of r.tags.entries())
              await db
                .insertInto('resource_tags')
                .values({ account_id: accountId, resource_id: id, tag, position })
                .execute();
          }
          const sourceId = newId();
          await db
            .insertInto('capture_sources')
            .values({
              account_id: accountId,
              id: sourceId,
              kind: 'ics',
              name: 'Calendar',
              settings: '{}',
              secret: null,
              cursor: '{}',
              locked_until: null,
              last_sync_at: null,
              created_at: created,
            })
            .execute();
          for (const [i, m] of net.meetings.entries())
            await db
              .insertInto('calendar_meetings')
              .values({
                account_id: accountId,
                source_id: sourceId,
                item_key: `k${i}`,
                contact_id: contactIds[m.contact % contactIds.length]!,
                starts_at: dayOf(m.day),
                all_day: m.allDay ? 1 : 0,
                title: `M${i}`,
              })
              .execute();

          const [from, to] = a <= b ? [dayOf(a), dayOf(b)] : [dayOf(b), dayOf(a)];
          expect(await meetingsBetween(store.read, accountId, from, to, limit)).toStrictEqual(
            await db
              .selectFrom('calendar_meetings')
              .selectAll()
              .where('account_id', '=', accountId)
              .where('starts_at', '>=', from)
              .where('starts_at', '<=', to)
              .orderBy('starts_at')
              .orderBy('contact_id')
              .limit(limit)
              .execute(),
          );

          const endingFrom = f.endingFrom === undefined ? undefined : dayOf(f.endingFrom).slice(0, 10);
          const startingBy = f.startingBy === undefined ? undefined : dayOf(f.startingBy).slice(0, 10);
          let trips = db.selectFrom('trips').selectAll().where('account_id', '=', accountId);
          if (endingFrom) trips = trips.where('ends_on', '>=', endingFrom);
          if (startingBy) trips = trips.where('starts_on', '<=', startingBy);
          expect(await listTrips(store.read, accountId, { endingFrom, startingBy, limit })).toStrictEqual(
            await trips.orderBy('starts_on', 'asc').orderBy('id', 'asc').limit(limit).execute(),
          );

          const since = f.since === undefined ? undefined : dayOf(f.since);
          let resources = db.selectFrom('resources').selectAll().where('account_id', '=', accountId);
          if (f.kind) resources = resources.where('kind', '=', f.kind);
          if (since) resources = resources.where('created_at', '>=', since);
          const tag = f.tag?.toLowerCase();
          if (tag)
            resources = resources.where((eb) =>
              eb.exists(
                eb
                  .selectFrom('resource_tags as t')
                  .select('t.tag')
                  .whereRef('t.account_id', '=', 'resources.account_id')
                  .whereRef('t.resource_id', '=', 'resources.id')
                  .where(sql<string>`lower(t.tag)`, '=', tag),
              ),
            );
          expect(
            await listResources(store.read, accountId, { kind: f.kind, tag: f.tag, since, limit }),
          ).toStrictEqual(
            await resources.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
          );

          expect(await holidayCountriesInUse(store.read, accountId)).toStrictEqual(
            [...new Set(net.contacts.filter((c) => c !== null))].sort(),
          );
        },
      ),
      { numRuns: 25, seed: 15 },
    );
  });
});
