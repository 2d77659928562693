import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, DIRECTIONS } from '../../src/core/vocabulary';
import { newId } from '../../src/ids';
import { refreshSchedule, refreshSchedules } from '../../src/services/schedule';
import { insertAccount } from '../../src/store/accounts.repo';
import { fixedClock } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const DERIVED = [
  'last_interaction_at',
  'last_meaningful_at',
  'last_inbound_at',
  'last_reply_channel',
  'next_due_at',
  'health_score',
  'health_computed_at',
] as const;

const person = fc.record({
  circle: fc.boolean(),
  cadence: fc.constantFrom('monthly', 'quarterly', 'yearly', 'ad_hoc', null),
  interactions: fc.array(
    fc.record({
      channel: fc.constantFrom(...CHANNELS),
      direction: fc.constantFrom(...DIRECTIONS),
      // Whole hours over four years (some older than the health window); distinct per contact below.
      hour: fc.integer({ min: 0, max: 4 * 365 * 24 }),
      awaiting: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
});

/** The batch refresh capture uses gives every contact the columns the one-contact refresh gives. */
describe.each(dialects)('refreshSchedules on %s', (dialect) => {
  let store: TestStore;
  const deps = () => ({
    store,
    clock: fixedClock('2026-03-10T09:00:00.000Z'),
    newId,
    secretKey: Buffer.alloc(32),
  });
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => {
    await store.close();
  });

  it('matches refreshSchedule contact by contact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 8 }), async (people) => {
        const accountId = newId();
        const created = '2022-01-01T00:00:00.000Z';
        const circleId = newId();
        const ids = people.map(() => newId());
        await store.transaction((tx) =>
          insertAccount(tx, { id: accountId, name: 'A', time_zone: 'UTC', created_at: created }),
        );
        await store.db
          .insertInto('circles')
          .values({
            account_id: accountId,
            id: circleId,
            name: 'Mentors',
            kind: 'mentor',
            cadence_kind: 'monthly',
            cadence_every: null,
            cadence_unit: null,
            color: null,
            created_at: created,
          })
          .execute();
        for (const [i, p] of people.entries()) {
          await store.db
            .insertInto('contacts')
            .values({
              account_id: accountId,
              id: ids[i]!,
              first_name: `P${i}`,
              last_name: '',
              sort_name: `p${i}`,
              circle_id: p.circle ? circleId : null,
              tracked: 1,
              cadence_kind: p.cadence,
              created_at: created,
              updated_at: created,
            })
            .execute();
          const hours = [...new Set(p.interactions.map((x) => x.hour))];
          const rows = hours.map((h) => {
            const x = p.interactions.find((y) => y.hour === h)!;
            return {
              account_id: accountId,
              id: newId(),
              contact_id: ids[i]!,
              channel: x.channel,
              direction: x.direction,
              occurred_at: new Date(Date.parse(created) + h * 3_600_000).toISOString(),
              summary: '',
              topics: '[]',
              awaiting_reply: x.awaiting ? 1 : 0,
              retry_step: 0,
              created_at: created,
            };
          });
          if (rows.length > 0) await store.db.insertInto('interactions').values(rows).execute();
        }
        const derived = () =>
          store.db
            .selectFrom('contacts')
            .select(['id', ...DERIVED])
            .where('account_id', '=', accountId)
            .orderBy('id')
            .execute();
        await store.transaction(async (tx) => {
          for (const id of ids) await refreshSchedule(deps(), tx, accountId, id, { created: false });
        });
        const one = await derived();
        await store.db
          .updateTable('contacts')
          .set({ last_interaction_at: 'x', next_due_at: 'x', health_score: -1 })
          .where('account_id', '=', accountId)
          .execute();
        await store.transaction((tx) => refreshSchedules(deps(), tx, accountId, [...ids, ids[0]!, newId()]));
        expect(await derived()).toEqual(one);
      }),
      { numRuns: 15, seed: 11 },
    );
  });

  it('takes the reply channel of the smallest id when two latest replies share their time', async () => {
    const accountId = newId();
    const contactId = newId();
    const at = '2026-03-01T10:00:00.000Z';
    const [first, second] = [newId(), newId()];
    await store.transaction((tx) =>
      insertAccount(tx, { id: accountId, name: 'A', time_zone: 'UTC', created_at: at }),
    );
    await store.db
      .insertInto('contacts')
      .values({
        account_id: accountId,
        id: contactId,
        first_name: 'P',
        last_name: '',
        sort_name: 'p',
        tracked: 1,
        cadence_kind: 'monthly',
        created_at: '2022-01-01T00:00:00.000Z',
        updated_at: '2022-01-01T00:00:00.000Z',
      })
      .execute();
    const interaction = (
      id: string,
      channel: 'email' | 'text' | 'linkedin',
      direction: 'inbound' | 'outbound',
      occurredAt: string,
    ) => ({
      account_id: accountId,
      id,
      contact_id: contactId,
      channel,
      direction,
      occurred_at: occurredAt,
      summary: '',
      topics: '[]',
      awaiting_reply: 0,
      retry_step: 0,
      created_at: at,
    });
    // The larger id first, so that a query relying on insertion order would pick it.
    await store.db
      .insertInto('interactions')
      .values([
        interaction(second, 'text', 'inbound', at),
        interaction(first, 'email', 'inbound', at),
        interaction(newId(), 'linkedin', 'inbound', '2026-02-01T10:00:00.000Z'),
        interaction(newId(), 'linkedin', 'outbound', '2026-03-05T10:00:00.000Z'),
      ])
      .execute();
    await store.transaction((tx) => refreshSchedules(deps(), tx, accountId, [contactId]));
    expect(
      await store.db
        .selectFrom('contacts')
        .select(['last_interaction_at', 'last_inbound_at', 'last_reply_channel'])
        .where('account_id', '=', accountId)
        .executeTakeFirst(),
    ).toEqual({
      last_interaction_at: '2026-03-05T10:00:00.000Z',
      last_inbound_at: at,
      last_reply_channel: 'email',
    });
  });
});
