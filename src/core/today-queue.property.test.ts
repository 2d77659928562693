import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './instant';
import { type TodayContact, type TodayInput, type TodayQueue, todayQueue } from './today-queue';
import { reasonScore } from './today-reasons';
import { type Cadence, CHANNELS, LIFE_EVENT_KINDS } from './vocabulary';

const NOW = '2025-06-04T12:00:00.000Z';
const day = (offset: number) => addDays(NOW, offset);

const cadence = fc.constantFrom<Cadence>(
  { kind: 'monthly' },
  { kind: 'quarterly' },
  { kind: 'twice_yearly' },
  { kind: 'yearly' },
  { kind: 'ad_hoc' },
  { kind: 'not_tracked' },
  { kind: 'custom', every: 3, unit: 'weeks' },
);

const contact = (id: string): fc.Arbitrary<TodayContact> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom('Ada', 'Bo', 'Cy', 'Di'),
    zone: fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/Berlin', null),
    workingHours: fc.constant(null),
    preferredChannel: fc.option(fc.constantFrom(...CHANNELS)),
    cadence,
    tracked: fc.boolean(),
    lastMeaningfulAt: fc.option(fc.integer({ min: -700, max: 0 }).map(day)),
    createdAt: fc.integer({ min: -1000, max: -700 }).map(day),
    lastReplyChannel: fc.option(fc.constantFrom(...CHANNELS)),
    importantDates: fc.array(
      fc.record({
        kind: fc.constantFrom('birthday' as const, 'work_anniversary' as const),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        year: fc.option(fc.integer({ min: 1950, max: 2020 })),
      }),
      { maxLength: 2 },
    ),
    lifeEvents: fc.array(
      fc.record({
        kind: fc.constantFrom(...LIFE_EVENT_KINDS),
        date: fc.integer({ min: -30, max: 0 }).map(day),
      }),
      { maxLength: 2 },
    ),
    tasks: fc.array(
      fc.record({
        id: fc.uuid(),
        kind: fc.constantFrom('follow_up' as const, 'takeaway' as const, 'general' as const),
        title: fc.constant('Task'),
        dueAt: fc.integer({ min: -10, max: 10 }).map(day),
        done: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    backOff: fc.constantFrom(null, { state: 'retry' as const, step: 1 as const, dueAt: day(-2) }),
    snoozedUntil: fc.option(fc.integer({ min: -10, max: 10 }).map(day)),
    skippedUntil: fc.option(fc.integer({ min: -10, max: 10 }).map(day)),
    recentOutboundAt: fc.array(fc.integer({ min: -30, max: 0 }).map(day), { maxLength: 2 }),
    lastInboundAt: fc.option(fc.integer({ min: -30, max: 0 }).map(day)),
  });

const network: fc.Arbitrary<TodayInput> = fc
  .integer({ min: 0, max: 15 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => contact(`c${i}`))))
  .chain((contacts) =>
    fc.record({
      contacts: fc.constant(contacts),
      extensions: fc.array(
        fc.record({
          kind: fc.constantFrom('resource_match' as const, 'trip' as const, 'introduction' as const),
          contactId: fc.constantFrom('c0', 'c1', 'c2', 'nobody'),
          detail: fc.constant('x'),
        }),
        { maxLength: 3 },
      ),
    }),
  );

const all = (q: TodayQueue) => [...q.items, ...q.more];
const cadenceDays = (q: TodayQueue, id: string) => {
  const r = all(q)
    .find((i) => i.contactId === id)
    ?.reasons.find((x) => x.kind === 'cadence_due' || x.kind === 'cadence_overdue');
  if (!r) return -1;
  return r.kind === 'cadence_due' ? r.daysOver : r.kind === 'cadence_overdue' ? r.daysOverdue : -1;
};

describe('todayQueue properties', () => {
  it('gives the same queue for the same input and now, whatever the input order', () => {
    fc.assert(
      fc.property(network, (input) => {
        const reversed = { ...input, contacts: [...input.contacts].reverse() };
        expect(todayQueue(reversed, NOW)).toEqual(todayQueue(structuredClone(input), NOW));
      }),
    );
  });

  it('never makes a contact more overdue when an interaction is logged', () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 0, max: 700 }), (input, back) => {
        const before = todayQueue(input, NOW);
        for (const c of input.contacts) {
          const loggedAt = day(-back);
          if (c.lastMeaningfulAt && loggedAt < c.lastMeaningfulAt) continue;
          const logged = {
            ...c,
            lastMeaningfulAt: loggedAt,
            recentOutboundAt: [...c.recentOutboundAt, loggedAt],
          };
          const after = { ...input, contacts: input.contacts.map((x) => (x.id === c.id ? logged : x)) };
          expect(cadenceDays(todayQueue(after, NOW), c.id)).toBeLessThanOrEqual(cadenceDays(before, c.id));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('never shows a snoozed or skipped contact before its date', () => {
    fc.assert(
      fc.property(network, (input) => {
        const shown = new Set(all(todayQueue(input, NOW)).map((i) => i.contactId));
        for (const c of input.contacts) {
          if ((c.snoozedUntil && c.snoozedUntil > NOW) || (c.skippedUntil && c.skippedUntil > NOW)) {
            expect(shown.has(c.id)).toBe(false);
          }
        }
      }),
    );
  });

  it('never shows untracked or ad-hoc contacts for cadence', () => {
    fc.assert(
      fc.property(network, (input) => {
        for (const item of all(todayQueue(input, NOW))) {
          const c = input.contacts.find((x) => x.id === item.contactId)!;
          if (!c.tracked || c.cadence.kind === 'ad_hoc' || c.cadence.kind === 'not_tracked') {
            expect(item.reasons.some((r) => r.kind === 'cadence_due' || r.kind === 'cadence_overdue')).toBe(
              false,
            );
          }
        }
      }),
    );
  });

  it('is sorted by score, explains every item, and respects the daily size', () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 0, max: 10 }), (input, size) => {
        const q = todayQueue(input, NOW, { size });
        expect(q.items.length).toBeLessThanOrEqual(size);
        const list = all(q);
        for (let i = 1; i < list.length; i++)
          expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
        for (const item of list) {
          expect(item.reasons.length).toBeGreaterThan(0);
          expect(item.score).toBe(item.reasons.reduce((s, r) => s + reasonScore(r), 0));
          expect(item.headline.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('todayQueue ties on score', () => {
  // Before 2026-12-02 the ranking compared nextDueAt as text; it now compares milliseconds where
  // that is the same order (four-digit years): five-digit years ('+010000-…') must still sort as text.
  const anchor = fc.oneof(
    fc.integer({ min: Date.parse(NOW), max: Date.UTC(9998, 0, 1) }),
    fc.integer({ min: Date.UTC(9998, 0, 1), max: Date.UTC(20000, 0, 1) }),
  );
  it('orders equal scores by nextDueAt as text, then name, then id', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anchor, fc.constantFrom('Ada', 'Bo')), { minLength: 2, maxLength: 8 }),
        (rows) => {
          const contacts = rows.map(
            ([at, name], i): TodayContact => ({
              id: `c${i}`,
              name,
              zone: null,
              workingHours: null,
              preferredChannel: null,
              cadence: { kind: 'yearly' },
              tracked: true,
              lastMeaningfulAt: new Date(at).toISOString(),
              createdAt: day(-1000),
              lastReplyChannel: null,
              importantDates: [],
              lifeEvents: [],
              tasks: [],
              backOff: null,
              snoozedUntil: null,
              skippedUntil: null,
              recentOutboundAt: [],
            }),
          );
          const extensions = contacts.map((c) => ({
            kind: 'trip' as const,
            contactId: c.id,
            detail: 'x',
            weight: 10,
          }));
          const q = todayQueue({ contacts, extensions }, NOW, { size: 100 });
          const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
          const want = [...q.items].sort(
            (a, b) =>
              text(a.nextDueAt ?? '', b.nextDueAt ?? '') ||
              text(a.name, b.name) ||
              text(a.contactId, b.contactId),
          );
          expect(q.items.map((i) => i.contactId)).toEqual(want.map((i) => i.contactId));
          expect(q.items).toHaveLength(contacts.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
