import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cadenceInterval,
  cadenceLabel,
  DEFAULT_CADENCE_BY_CIRCLE,
  effectiveCadence,
  isMeaningful,
  nextDueAt,
  overdueAt,
} from './cadence';
import { CHANNELS, DIRECTIONS } from './vocabulary';

const created = '2024-01-01T00:00:00.000Z';

describe('cadenceInterval', () => {
  it.each([
    ['monthly', 30, 45],
    ['quarterly', 90, 120],
    ['twice_yearly', 182, 240],
    ['yearly', 365, 450],
  ] as const)('%s is due after %i days and overdue after %i', (kind, due, over) => {
    expect(cadenceInterval({ kind })).toEqual({ dueDays: due, overdueDays: over });
  });

  it('never makes ad hoc or untracked contacts due', () => {
    expect(cadenceInterval({ kind: 'ad_hoc' })).toBeNull();
    expect(cadenceInterval({ kind: 'not_tracked' })).toBeNull();
  });

  it('converts custom units to days and leaves a third of slack', () => {
    expect(cadenceInterval({ kind: 'custom', every: 10, unit: 'days' })).toEqual({
      dueDays: 10,
      overdueDays: 13,
    });
    expect(cadenceInterval({ kind: 'custom', every: 3, unit: 'weeks' })).toEqual({
      dueDays: 21,
      overdueDays: 28,
    });
    expect(cadenceInterval({ kind: 'custom', every: 2, unit: 'months' })).toEqual({
      dueDays: 61,
      overdueDays: 81,
    });
  });

  it('refuses a custom interval of zero or less', () => {
    expect(cadenceInterval({ kind: 'custom', every: 0, unit: 'days' })).toBeNull();
    expect(cadenceInterval({ kind: 'custom', every: -2, unit: 'weeks' })).toBeNull();
  });

  it('always has overdue after due (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom('days', 'weeks', 'months' as const),
        (every, unit) => {
          const i = cadenceInterval({ kind: 'custom', every, unit });
          expect(i).not.toBeNull();
          expect(i!.overdueDays).toBeGreaterThanOrEqual(i!.dueDays);
        },
      ),
    );
  });
});

describe('nextDueAt', () => {
  it('adds the interval to the last meaningful interaction', () => {
    expect(nextDueAt('2024-03-01T10:00:00.000Z', { kind: 'monthly' }, created)).toBe(
      '2024-03-31T10:00:00.000Z',
    );
    expect(overdueAt('2024-03-01T10:00:00.000Z', { kind: 'monthly' }, created)).toBe(
      '2024-04-15T10:00:00.000Z',
    );
  });

  it('counts from creation when the contact was never reached', () => {
    expect(nextDueAt(null, { kind: 'quarterly' }, created)).toBe('2024-03-31T00:00:00.000Z');
  });

  it('is null for ad hoc', () => {
    expect(nextDueAt(null, { kind: 'ad_hoc' }, created)).toBeNull();
  });
});

describe('effectiveCadence', () => {
  it('turns untracked contacts into not_tracked whatever else is set', () => {
    expect(effectiveCadence({ kind: 'monthly' }, 'mentor', false)).toEqual({ kind: 'not_tracked' });
  });

  it('prefers the contact cadence, then the circle default, then yearly', () => {
    expect(effectiveCadence({ kind: 'monthly' }, 'mentor', true)).toEqual({ kind: 'monthly' });
    expect(effectiveCadence(null, 'mentor', true)).toEqual({ kind: 'quarterly' });
    expect(effectiveCadence(null, 'client_partner', true)).toEqual({ kind: 'monthly' });
    expect(effectiveCadence(null, null, true)).toEqual({ kind: 'yearly' });
  });

  it('has a default for every circle', () => {
    expect(DEFAULT_CADENCE_BY_CIRCLE.aspirational).toEqual({ kind: 'twice_yearly' });
    expect(DEFAULT_CADENCE_BY_CIRCLE.industry_leader).toEqual({ kind: 'twice_yearly' });
    expect(DEFAULT_CADENCE_BY_CIRCLE.peer).toEqual({ kind: 'quarterly' });
    expect(DEFAULT_CADENCE_BY_CIRCLE.other).toEqual({ kind: 'yearly' });
  });
});

describe('isMeaningful', () => {
  it('counts every channel in both directions, even without content', () => {
    for (const channel of CHANNELS) {
      for (const direction of DIRECTIONS) {
        expect(isMeaningful({ channel, direction, summary: null })).toBe(true);
      }
    }
  });
});

describe('cadenceLabel', () => {
  it('names cadences for headlines', () => {
    expect(cadenceLabel({ kind: 'quarterly' })).toBe('quarterly');
    expect(cadenceLabel({ kind: 'twice_yearly' })).toBe('twice-yearly');
    expect(cadenceLabel({ kind: 'custom', every: 3, unit: 'weeks' })).toBe('every 3 weeks');
    expect(cadenceLabel({ kind: 'custom', every: 1, unit: 'months' })).toBe('every month');
  });
});
