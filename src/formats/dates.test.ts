import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate } from './dates.js';

describe('readDate', () => {
  it('reads dotted dates day-first, LinkedIn 2018 month-first, and refuses what is no date', () => {
    expect(readDate('01.01.99')).toEqual({ year: 1999, month: 1, day: 1 });
    expect(readDate('3.4.1985')).toEqual({ year: 1985, month: 4, day: 3 });
    expect(readDate('1/8/18, 6:14 PM', 'mdy')).toEqual({ year: 2018, month: 1, day: 8 });
    expect(readDate('20/01/1991')).toEqual({ year: 1991, month: 1, day: 20 });
    expect(readDate('19723101')).toBe('invalid');
    expect(readDate('13/45/1980')).toBe('invalid');
    expect(readDate('03/04/1991')).toBe('ambiguous');
    expect(readDate('03/04/1991', 'dmy')).toEqual({ year: 1991, month: 4, day: 3 });
  });

  // The rule of issue 13: a slashed date is read only when one reading exists, or an order is given.
  it('property: never guesses between two readings of a slashed date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom(undefined, 'mdy' as const, 'dmy' as const),
        (a, b, year, order) => {
          const got = readDate(`${a}/${b}/${year}`, order);
          const valid = (m: number, d: number) => m <= 12 && d <= new Date(Date.UTC(year, m, 0)).getUTCDate();
          const readings = [valid(a, b) && `${a}-${b}`, valid(b, a) && `${b}-${a}`].filter(Boolean);
          if (readings.length === 0) expect(got).toBe('invalid');
          else if (readings.length === 2 && a !== b && !order) expect(got).toBe('ambiguous');
          else if (typeof got !== 'object') expect.fail(`${a}/${b}/${year} (${order}) read as ${got}`);
          else if (readings.length === 1) expect(`${got.month}-${got.day}`).toBe(readings[0]);
        },
      ),
    );
  });
});
