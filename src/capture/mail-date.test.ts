import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMailDate } from './mail-date';

/** The previous definition. */
const plain = (raw: string) => Date.parse(raw.replace(/\s*\([^)]*\)\s*$/, ''));
const same = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : a === b);

const two = (n: number) => String(n).padStart(2, '0');

describe('parseMailDate', () => {
  it('reads the RFC 5322 shape as Date.parse does, in and out of range', () => {
    const weekday = fc.constantFrom('', 'Mon, ', 'Sun, ', 'Foo, ', 'mon, ', 'Mon,', 'Tue ,');
    const month = fc.constantFrom(
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'jan',
      'Foo',
    );
    fc.assert(
      fc.property(
        weekday,
        fc.integer({ min: 0, max: 32 }),
        fc.boolean(),
        month,
        fc.integer({ min: 0, max: 10_000 }),
        fc.tuple(
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
          fc.integer({ min: 0, max: 61 }),
        ),
        fc.constantFrom('+', '-', ' ', ''),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('', ' (UTC)', ' ', 'x'),
        (wd, day, padDay, mon, year, [h, m, s], sign, zone, tail) => {
          const raw = `${wd}${padDay ? two(day) : day} ${mon} ${String(year).padStart(4, '0')} ${two(h)}:${two(m)}:${two(s)} ${sign}${String(zone).padStart(4, '0')}${tail}`;
          expect(same(parseMailDate(raw), plain(raw))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('reads every day of the years around the epoch and leap years as Date.parse does', () => {
    for (const year of [1000, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 9999])
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000 + 3_600_000 + 60_000) {
        const raw = new Date(t).toUTCString().replace('GMT', '-0130');
        expect(parseMailDate(raw)).toBe(plain(raw));
      }
  });

  it('reads any other text as Date.parse does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        expect(same(parseMailDate(raw), plain(raw))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
