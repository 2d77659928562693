import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CapacityContact,
  capacityPlan,
  capacityPlanOfGroups,
  planRanksByHealth,
  slowerCadence,
  touchesByCircle,
  touchesPerWeek,
} from './capacity';
import type { Cadence } from './vocabulary';

const c = (id: string, cadence: Cadence, extra: Partial<CapacityContact> = {}): CapacityContact => ({
  id,
  name: id,
  cadence,
  circle: 'peer',
  health: 50,
  ...extra,
});

describe('touchesPerWeek and slowerCadence', () => {
  it('turns cadences into weekly touches', () => {
    expect(touchesPerWeek({ kind: 'monthly' })).toBeCloseTo(7 / 30);
    expect(touchesPerWeek({ kind: 'custom', every: 1, unit: 'weeks' })).toBe(1);
    expect(touchesPerWeek({ kind: 'ad_hoc' })).toBe(0);
    expect(touchesPerWeek({ kind: 'not_tracked' })).toBe(0);
  });

  it('steps down the ladder', () => {
    expect(slowerCadence({ kind: 'monthly' })).toEqual({ kind: 'quarterly' });
    expect(slowerCadence({ kind: 'twice_yearly' })).toEqual({ kind: 'yearly' });
    expect(slowerCadence({ kind: 'yearly' })).toBeNull();
    expect(slowerCadence({ kind: 'custom', every: 2, unit: 'weeks' })).toEqual({ kind: 'monthly' });
    expect(slowerCadence({ kind: 'ad_hoc' })).toBeNull();
  });
});

describe('capacityPlan', () => {
  it('suggests nothing within budget', () => {
    const plan = capacityPlan([c('a', { kind: 'monthly' })], 5);
    expect(plan).toMatchObject({ over: false, moves: [] });
    expect(plan.touchesPerWeek).toBeCloseTo(7 / 30);
  });

  it('slows aspirational contacts first, then the weakest', () => {
    const contacts = [
      c('strong', { kind: 'monthly' }, { health: 90 }),
      c('weak', { kind: 'monthly' }, { health: 10 }),
      c('dream', { kind: 'monthly' }, { health: 95, circle: 'aspirational' }),
    ];
    // 3 × 0.2333 = 0.7; each monthly → quarterly saves 0.1556.
    const plan = capacityPlan(contacts, 0.4);
    expect(plan.moves.map((m) => m.contactId)).toEqual(['dream', 'weak']);
    expect(plan.moves[0]!.to).toEqual({ kind: 'quarterly' });
    expect(plan.afterMoves).toBeLessThanOrEqual(0.4);
  });

  it('drops a move that a later, bigger move made unnecessary', () => {
    const contacts = [
      c('small', { kind: 'twice_yearly' }, { health: 5 }), // saves 0.0193
      c('big', { kind: 'custom', every: 1, unit: 'weeks' }, { health: 6 }), // saves 0.7667
    ];
    const plan = capacityPlan(contacts, 0.5);
    expect(plan.moves.map((m) => m.contactId)).toEqual(['big']);
  });

  it('moves a contact several steps when one step each is not enough', () => {
    // 2 monthly = 0.4667/week; both quarterly = 0.1538 and quarterly + twice a year = 0.1154 are
    // still over 0.1; both twice a year (0.0769) fit.
    const plan = capacityPlan([c('a', { kind: 'monthly' }), c('b', { kind: 'monthly' })], 0.1);
    expect(plan.fits).toBe(true);
    expect(plan.afterMoves).toBeLessThanOrEqual(0.1);
    expect(plan.moves.map((m) => m.to.kind)).toEqual(['twice_yearly', 'twice_yearly']);
    expect(plan.moves.every((m) => m.from.kind === 'monthly')).toBe(true);
  });

  it('says plainly that 30,000 tracked contacts cannot fit 15 a week, and how many to untrack', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => c(`p${i}`, { kind: 'twice_yearly' }));
    const plan = capacityPlan(many, 15);
    expect(plan).toMatchObject({ over: true, fits: false, moves: [] });
    expect(plan.shortfall?.tracked).toBe(30_000);
    expect(plan.shortfall?.floorPerWeek).toBeCloseTo((30_000 * 7) / 365, 6);
    // 15 a week at 7/365 each is 782 yearly contacts; the other 29,218 must go.
    expect(plan.shortfall?.untrackToFit).toBe(30_000 - Math.floor((15 * 365) / 7));
  });

  const cadence = fc.constantFrom<Cadence>(
    { kind: 'monthly' },
    { kind: 'quarterly' },
    { kind: 'twice_yearly' },
    { kind: 'yearly' },
    { kind: 'ad_hoc' },
    { kind: 'custom', every: 2, unit: 'weeks' },
    { kind: 'custom', every: 3, unit: 'days' },
  );
  const contact = fc.record({
    id: fc.uuid(),
    name: fc.string({ maxLength: 5 }),
    cadence,
    circle: fc.constantFrom('peer' as const, 'aspirational' as const, null),
    health: fc.integer({ min: 0, max: 100 }),
  });

  it('applying every move lands at or under the budget, or it says why not (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(contact, { maxLength: 40, selector: (x) => x.id }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        (list, budget) => {
          const plan = capacityPlan(list, budget);
          // Apply the moves as the service does and recount from scratch.
          const to = new Map(plan.moves.map((m) => [m.contactId, m.to]));
          const applied = list.reduce((s, x) => s + touchesPerWeek(to.get(x.id) ?? x.cadence), 0);
          expect(applied).toBeCloseTo(plan.afterMoves, 9);
          if (plan.fits) {
            expect(applied).toBeLessThanOrEqual(budget + 1e-9);
            expect(plan.shortfall).toBeNull();
          } else {
            // Only when even all-yearly is over the budget; untracking the number it names fits.
            expect(plan.moves).toEqual([]);
            const floors = list
              .map((x) => {
                let k: Cadence = x.cadence;
                for (let n = slowerCadence(k); n; n = slowerCadence(k)) k = n;
                return touchesPerWeek(k);
              })
              .sort((a, b) => b - a);
            expect(floors.reduce((a, b) => a + b, 0)).toBeGreaterThan(budget);
            const n = plan.shortfall?.untrackToFit ?? -1;
            expect(floors.slice(n).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget + 1e-9);
            expect(floors.slice(n - 1).reduce((a, b) => a + b, 0)).toBeGreaterThan(budget + 1e-9);
          }
          // A move only ever slows a contact down, once per contact, and the plan is order-free.
          for (const m of plan.moves) expect(touchesPerWeek(m.to)).toBeLessThan(touchesPerWeek(m.from));
          expect(new Set(plan.moves.map((m) => m.contactId)).size).toBe(plan.moves.length);
          expect(
            capacityPlan([...list].reverse(), budget)
              .moves.map((m) => m.contactId)
              .sort(),
          ).toEqual(plan.moves.map((m) => m.contactId).sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is the same whatever the health scores unless planRanksByHealth says it ranks by them (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(contact, { maxLength: 40, selector: (x) => x.id }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (list, budget, extra) => {
          const ranks = planRanksByHealth(
            list.map((x) => ({ cadence: x.cadence, n: 1 })),
            budget,
            extra,
          );
          const unscored = capacityPlan(
            list.map((x) => ({ ...x, health: 0 })),
            budget,
            extra,
          );
          const plan = capacityPlan(list, budget, extra);
          if (!ranks) expect(unscored).toEqual(plan);
          // And where it does rank, it is because there are moves to choose among.
          else expect(plan.over && plan.shortfall === null).toBe(true);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });
  // Groups as the service reads them: a cadence, a circle and how many contacts share them; the
  // list is what the service built before, one entry per contact, in the groups' order.
  const group = fc.record({
    cadence,
    circleId: fc.constantFrom('a', 'b', null),
    n: fc.integer({ min: 1, max: 400 }),
  });
  const expand = (groups: readonly { cadence: Cadence; circleId: string | null; n: number }[]) =>
    groups.flatMap((g) =>
      Array.from({ length: g.n }, () => ({
        id: '',
        name: '',
        cadence: g.cadence,
        circle: null,
        circleId: g.circleId,
        health: 0,
      })),
    );

  it('from counted groups is the plan of one entry per contact, bit for bit, or null when it ranks (property)', () => {
    fc.assert(
      fc.property(
        fc.array(group, { maxLength: 12 }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (groups, budget, extra) => {
          const list = expand(groups);
          const grouped = capacityPlanOfGroups(groups, budget, extra);
          const ranks = planRanksByHealth(
            list.map((x) => ({ cadence: x.cadence, n: 1 })),
            budget,
            extra,
          );
          expect(planRanksByHealth(groups, budget, extra)).toBe(ranks);
          if (ranks) expect(grouped).toBeNull();
          else expect(grouped).toStrictEqual(capacityPlan(list, budget, extra));
          expect(touchesByCircle(groups)).toStrictEqual(touchesByCircle(list));
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });
});
