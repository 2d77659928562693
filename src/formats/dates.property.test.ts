import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDate, type PartialDate } from './dates';

/** isValidDate as first written: a month table built for every date. */
function tableValid(d: PartialDate): boolean {
  if (!Number.isInteger(d.month) || !Number.isInteger(d.day) || d.month < 1 || d.month > 12 || d.day < 1)
    return false;
  if (d.year !== undefined && (!Number.isInteger(d.year) || d.year < 1 || d.year > 9999)) return false;
  const leap = d.year === undefined || (d.year % 4 === 0 && (d.year % 100 !== 0 || d.year % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1] ?? 0;
  return d.day <= days;
}

describe('isValidDate', () => {
  it('agrees with the per-call month table', () => {
    const n = fc.oneof(
      fc.integer({ min: -2, max: 33 }),
      fc.double(),
      fc.constantFrom(1600, 1900, 2000, 2024, 2023, 9999, 10000),
    );
    fc.assert(
      fc.property(n, n, fc.option(n, { nil: undefined }), (month, day, year) => {
        const d = year === undefined ? { month, day } : { month, day, year };
        expect(isValidDate(d)).toBe(tableValid(d));
      }),
      { numRuns: 20_000 },
    );
  });
});
