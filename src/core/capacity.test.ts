import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CapacityContact, capacityPlan, slowerCadence, touchesPerWeek } from './capacity';
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

  it('is deterministic and never exceeds the budget when it can fit (property)', () => {
    const cadence = fc.constantFrom<Cadence>(
      { kind: 'monthly' },
      { kind: 'quarterly' },
      { kind: 'twice_yearly' },
      { kind: 'yearly' },
      { kind: 'ad_hoc' },
      { kind: 'custom', every: 2, unit: 'weeks' },
    );
    const contact = fc.record({
      id: fc.uuid(),
      name: fc.string({ maxLength: 5 }),
      cadence,
      circle: fc.constantFrom('peer' as const, 'aspirational' as const, null),
      health: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(contact, { maxLength: 30 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (list, budget) => {
          const plan = capacityPlan(list, budget);
          expect(
            capacityPlan([...list].reverse(), budget)
              .moves.map((m) => m.contactId)
              .sort(),
          ).toEqual(plan.moves.map((m) => m.contactId).sort());
          const best = list.reduce((s, x) => s + touchesPerWeek(slowerCadence(x.cadence) ?? x.cadence), 0);
          if (best <= budget) expect(plan.afterMoves).toBeLessThanOrEqual(budget + 1e-9);
          expect(new Set(plan.moves.map((m) => m.contactId)).size).toBe(plan.moves.length);
        },
      ),
    );
  });
});
