import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcIso } from './utc-iso';

const YEAR_10000 = 253_402_300_800_000;

describe('utcIso', () => {
  it('is toISOString for every integer instant of years 1970–9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: YEAR_10000 - 1 }), (ms) => {
        expect(utcIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000, seed: 20261202 },
    );
  });

  it('is toISOString at day, month, leap-day, century and range edges', () => {
    const edges = [
      0,
      1,
      86_399_999,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 1, 28, 12),
      Date.UTC(2100, 2, 1),
      Date.UTC(2400, 1, 29),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      YEAR_10000 - 1,
    ];
    for (const ms of edges) expect(utcIso(ms)).toBe(new Date(ms).toISOString());
  });

  it('leaves every other value to Date: before 1970, past 9999, fractions, and throws as it does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15 + 1, max: 8.64e15 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ms, f) => {
          expect(utcIso(ms + f)).toBe(new Date(ms + f).toISOString());
        },
      ),
      { numRuns: 5_000, seed: 20261202 },
    );
    expect(() => utcIso(Number.NaN)).toThrow(RangeError);
    expect(() => utcIso(8.64e15 + 1)).toThrow(RangeError);
  });
});
