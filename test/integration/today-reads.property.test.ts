import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datePairs } from '../../src/core/important-dates';
import { ROLE_CHANGE_KINDS } from '../../src/core/role-anniversary';
import { LIFE_EVENT_KINDS, type LifeEventKind } from '../../src/core/vocabulary';
import { newId } from '../../src/ids';
import { seedDemo } from '../../src/services/demo/demo.service';
import { insertAccount } from '../../src/store/accounts.repo';
import { latestRoleChanges, roleChangesOn } from '../../src/store/life-events.repo';
import {
  candidateQueries,
  loadTodayRows,
  nearestDates,
  packedRowQuery,
  rowQueries,
  todayCandidates,
} from '../../src/store/today.repo';
import { fixedClock } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const DAY = 86_400_000;
const created = '2020-01-01T00:00:00.000Z';
// Days from 2019-01-01 to the end of 2027: every `now` below falls inside, around both year ends.
const dayIso = (d: number) => new Date(Date.UTC(2019, 0, 1) + d * DAY).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: 0, max: 9 * 365 });
// Nows near the edges the index ranges must get right: the year's end and 28/29 February.
const nowOf = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '2026-12-30T12:00:00.000Z',
      '2026-12-31T23:00:00.000Z',
      '2027-01-01T00:30:00.000Z',
      '2027-02-26T09:00:00.000Z',
      '2028-02-27T09:00:00.000Z',
    ),
    weight: 3,
  },
  fc
    .integer({ min: 7 * 365, max: 9 * 365 - 40 })
    .map((d) => new Date(Date.UTC(2019, 0, 1) + d * DAY + 9 * 3_600_000).toISOString()),
);

const person = fc.record({
  events: fc.array(fc.record({ kind: fc.constantFrom(...LIFE_EVENT_KINDS), day: anyDay }), { maxLength: 4 }),
  dates: fc.array(
    fc.record({
      // Month-days of the calendar, 29 February included, often near the year's end and February.
      day: fc.oneof(
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 355, max: 365 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 55, max: 62 }),
      ),
      lead: fc.integer({ min: 0, max: 31 }),
    }),
    { maxLength: 4 },
  ),
  hidden: fc.boolean(),
});

/** Month and day of the `n`th day of a leap year (0 = 1 January, 59 = 29 February). */
function monthDay(n: number) {
  const d = new Date(Date.UTC(2000, 0, 1) + n * DAY);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const byIdThenDate = (a: { occurred_on: string; contact_id: string }, b: typeof a) =>
  a.occurred_on !== b.occurred_on
    ? a.occurred_on < b.occurred_on
      ? 1
      : -1
    : a.contact_id < b.contact_id
      ? -1
      : a.contact_id > b.contact_id
        ? 1
        : 0;

/**
 * Today's index-range reads return what the plain filters they replaced return: the role changes on
 * these month-days (once a filter over every job change) and the nearest important dates (once an
 * OR over every day's pair), on generated networks at nows around the year's end and February.
 */
describe.each(dialects)('Today reads on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => {
    await store.close();
  });

  it('role changes and nearest dates match their plain definitions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 12 }),
        nowOf,
        fc.integer({ min: 1, max: 8 }),
        async (people, now, limit) => {
          const accountId = newId();
          await store.transaction((tx) =>
            insertAccount(tx, { id: accountId, name: 'A', time_zone: 'UTC', created_at: created }),
          );
          const ids = people.map(() => newId());
          const events: { contact_id: string; kind: LifeEventKind; occurred_on: string }[] = [];
          const dates: { contact_id: string; month: number; day: number; lead_days: number }[] = [];
          for (const [i, p] of people.entries()) {
            const contactId = ids[i]!;
            await store.db
              .insertInto('contacts')
              .values({
                account_id: accountId,
                id: contactId,
                first_name: `P${i}`,
                last_name: '',
                sort_name: `p${i}`,
                tracked: 1,
                created_at: created,
                updated_at: created,
              })
              .execute();
            for (const e of p.events)
              events.push({ contact_id: contactId, kind: e.kind, occurred_on: dayIso(e.day) });
            for (const d of p.dates)
              dates.push({ contact_id: contactId, ...monthDay(d.day), lead_days: d.lead });
            if (p.hidden)
              await store.db
                .insertInto('queue_decisions')
                .values({
                  account_id: accountId,
                  contact_id: contactId,
                  kind: 'snooze',
                  until_at: '2099-01-01T00:00:00.000Z',
                  created_at: created,
                })
                .execute();
          }
          if (events.length > 0)
            await store.db
              .insertInto('life_events')
              .values(
                events.map((e) => ({
                  account_id: accountId,
                  id: newId(),
                  ...e,
                  title: e.kind,
                  source: 'manual',
                  created_at: created,
                })),
              )
              .execute();
          if (dates.length > 0)
            await store.db
              .insertInto('important_dates')
              .values(
                dates.map((d) => ({
                  account_id: accountId,
                  id: newId(),
                  ...d,
                  kind: 'birthday',
                  label: null,
                  year: null,
                  created_at: created,
                })),
              )
              .execute();

          // Role changes: month-days from yesterday to four days ahead, as the Today extension asks.
          const nowMs = Date.parse(now);
          const monthDays = new Set<string>();
          for (let d = -1; d <= 4; d++) {
            const md = new Date(nowMs + d * DAY).toISOString().slice(5, 10);
            monthDays.add(md);
            if (md === '02-28') monthDays.add('02-29');
          }
          const before = now.slice(0, 10);
          const roles = events
            .filter(
              (e) =>
                ROLE_CHANGE_KINDS.some((k) => k === e.kind) &&
                e.occurred_on < before &&
                monthDays.has(e.occurred_on.slice(5, 10)),
            )
            .sort(byIdThenDate)
            .slice(0, limit);
          const got = await roleChangesOn(store.read, accountId, {
            monthDays: [...monthDays],
            before,
            limit,
          });
          expect(got.map(({ contact_id, kind, occurred_on }) => ({ contact_id, kind, occurred_on }))).toEqual(
            roles,
          );
          const latest = new Map<string, string>();
          for (const e of events)
            if (
              ROLE_CHANGE_KINDS.some((k) => k === e.kind) &&
              e.occurred_on > (latest.get(e.contact_id) ?? '')
            )
              latest.set(e.contact_id, e.occurred_on);
          expect(await latestRoleChanges(store.read, accountId, ids)).toEqual(latest);
          // Each row also carries its contact's latest job change, read in the same statement.
          for (const g of got) expect(g.latest).toBe(latest.get(g.contact_id) ?? null);

          // Nearest dates: by pair (nearest day first), then contact id, not hidden, at most `limit`.
          const pairs = datePairs(nowMs);
          const shown = new Set(ids.filter((_, i) => !people[i]!.hidden));
          const near = dates
            .flatMap((d) => {
              const at = pairs.findIndex(
                (p) => p.month === d.month && p.day === d.day && d.lead_days >= p.minLead,
              );
              return at >= 0 && shown.has(d.contact_id) ? [{ at, id: d.contact_id }] : [];
            })
            .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
            .slice(0, limit)
            .map((d) => d.id);
          const q = candidateQueries(store.read, accountId, {
            now,
            perReason: limit,
            taskHorizon: now,
            datePairs: pairs,
            lifeEventsSince: before,
            retryFrom: now,
            retryTo: now,
          });
          expect((await nearestDates(q, pairs, limit)).map((d) => d.id)).toEqual(near);
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });

  it('packed row loads read the same rows as the plain queries', async () => {
    const accountId = newId();
    const now = '2026-03-10T09:00:00.000Z';
    await store.transaction((tx) =>
      insertAccount(tx, { id: accountId, name: 'A', time_zone: 'Europe/London', created_at: created }),
    );
    await seedDemo({ store, clock: fixedClock(now), newId }, accountId);
    const ids = (
      await store.db.selectFrom('contacts').select('id').where('account_id', '=', accountId).execute()
    ).map((c) => c.id);
    await store.db
      .insertInto('queue_decisions')
      .values(
        ids.slice(0, 3).map((contactId) => ({
          account_id: accountId,
          contact_id: contactId,
          kind: 'skip' as const,
          until_at: '2026-04-01T00:00:00.000Z',
          created_at: now,
        })),
      )
      .execute();
    const w = {
      taskHorizon: '2026-03-11T09:00:00.000Z',
      lifeEventsSince: '2026-02-01',
      recentSince: '2025-12-01T00:00:00.000Z',
      retryIds: ids.slice(0, 50),
      retryFrom: '2025-06-01T00:00:00.000Z',
    };
    // Both stores register the JSON packing; without it loadTodayRows would compare plain with plain.
    expect(packedRowQuery(store.read, accountId, ids, w)).not.toBeNull();
    const packed = await loadTodayRows(store.read, accountId, ids, w);
    const q = rowQueries(store.read, accountId, ids, w);
    const sorted = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();
    const plain = {
      contacts: await q.contacts.execute(),
      circles: await q.circles.execute(),
      dates: await q.dates.execute(),
      events: await q.events.execute(),
      tasks: await q.tasks.execute(),
      decisions: await q.decisions.execute(),
      recent: [...(q.older ? await q.older.execute() : []), ...(await q.recent.execute())],
    };
    // The packed candidate statement finds the same contacts as its four queries one by one.
    const cw = {
      now,
      perReason: 40,
      taskHorizon: w.taskHorizon,
      datePairs: datePairs(Date.parse(now)),
      lifeEventsSince: w.lifeEventsSince,
      retryFrom: w.retryFrom,
      retryTo: '2026-02-17T09:00:00.000Z',
    };
    const c = candidateQueries(store.read, accountId, cw);
    const one = await Promise.all([c.due, c.tasks, c.events, c.retries].map((x) => x.execute()));
    const dated = await nearestDates(c, cw.datePairs, cw.perReason);
    const found = await todayCandidates(store.read, accountId, cw);
    expect(one.every((list) => list.length > 0)).toBe(true);
    expect([...found.all].sort()).toEqual([...new Set([...one.flat(), ...dated].map((r) => r.id))].sort());
    expect([...found.retry].sort()).toEqual([...new Set(one[3]!.map((r) => r.id))].sort());
    for (const [name, rows] of Object.entries(plain)) {
      const mine = packed[name as keyof typeof plain];
      expect(rows.length, name).toBeGreaterThan(0);
      expect(sorted(mine), name).toEqual(sorted(rows));
    }
  });
});
