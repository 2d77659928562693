import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dateInYear, datePairs, MAX_LEAD_DAYS, nextOccurrence, withinLeadTime } from './important-dates';

describe('nextOccurrence', () => {
  it('finds this year’s date when it is still ahead', () => {
    const o = nextOccurrence({ month: 6, day: 15, year: 1985 }, '2025-06-12T12:00:00.000Z', 'Europe/Paris');
    expect(o).toEqual({ date: '2025-06-15', startsAt: '2025-06-14T22:00:00.000Z', inDays: 3, years: 40 });
  });

  it('counts today as 0 days and rolls to next year once past', () => {
    expect(nextOccurrence({ month: 6, day: 12 }, '2025-06-12T12:00:00.000Z', 'UTC').inDays).toBe(0);
    const past = nextOccurrence({ month: 6, day: 11 }, '2025-06-12T12:00:00.000Z', 'UTC');
    expect(past.date).toBe('2026-06-11');
    expect(past.inDays).toBe(364);
    expect(past.years).toBeNull();
  });

  it('puts Feb 29 on Feb 28 in common years and back on Feb 29 in leap years', () => {
    expect(
      nextOccurrence({ month: 2, day: 29, year: 2000 }, '2025-02-01T00:00:00.000Z', 'UTC'),
    ).toMatchObject({
      date: '2025-02-28',
      years: 25,
    });
    expect(nextOccurrence({ month: 2, day: 29 }, '2028-02-01T00:00:00.000Z', 'UTC').date).toBe('2028-02-29');
    expect(dateInYear({ month: 2, day: 29 }, 2023)).toEqual({ year: 2023, month: 2, day: 28 });
  });

  it('gives different answers for the same UTC instant in Auckland and Los Angeles', () => {
    // 2025-03-09T20:00Z is Mar 10 09:00 in Auckland but Mar 9 13:00 in Los Angeles.
    const now = '2025-03-09T20:00:00.000Z';
    const birthday = { month: 3, day: 10 };
    expect(nextOccurrence(birthday, now, 'Pacific/Auckland').inDays).toBe(0);
    expect(nextOccurrence(birthday, now, 'America/Los_Angeles').inDays).toBe(1);
    expect(withinLeadTime(birthday, 0, now, 'Pacific/Auckland')).toBe(true);
    expect(withinLeadTime(birthday, 0, now, 'America/Los_Angeles')).toBe(false);
  });

  it('counts calendar days across a spring-forward DST change', () => {
    // US DST starts 2025-03-09; that local day has 23 hours.
    const o = nextOccurrence({ month: 3, day: 10 }, '2025-03-08T18:00:00.000Z', 'America/New_York');
    expect(o.inDays).toBe(2);
    expect(o.startsAt).toBe('2025-03-10T04:00:00.000Z'); // EDT midnight
  });

  it('counts calendar days across a fall-back DST change', () => {
    // Europe falls back on 2025-10-26 (a 25-hour day).
    const o = nextOccurrence({ month: 10, day: 27 }, '2025-10-25T21:30:00.000Z', 'Europe/Berlin');
    expect(o.inDays).toBe(2);
    expect(o.startsAt).toBe('2025-10-26T23:00:00.000Z'); // CET midnight
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(nextOccurrence({ month: 1, day: 2 }, '2025-01-01T23:00:00.000Z', 'Mars/Olympus').inDays).toBe(1);
  });

  it('waits for a future one-off year', () => {
    expect(nextOccurrence({ month: 1, day: 1, year: 2030 }, '2025-06-01T00:00:00.000Z', 'UTC')).toMatchObject(
      {
        date: '2030-01-01',
        years: 0,
      },
    );
  });

  it('is always between 0 and 365 days away (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.constantFrom(
          'UTC',
          'Pacific/Auckland',
          'America/Los_Angeles',
          'Asia/Kolkata',
          'Pacific/Kiritimati',
        ),
        (month, day, now, zone) => {
          const o = nextOccurrence({ month, day }, now.toISOString(), zone);
          expect(o.inDays).toBeGreaterThanOrEqual(0);
          expect(o.inDays).toBeLessThanOrEqual(365);
        },
      ),
    );
  });
});

describe('datePairs', () => {
  // The definition before 2026-12-02, through Luxon: the Date-based one must list the same pairs.
  const luxonPairs = (now: number) => {
    const pairs: { month: number; day: number; minLead: number }[] = [];
    for (let d = -1; d <= MAX_LEAD_DAYS + 1; d++) {
      const at = DateTime.fromMillis(now + d * 86_400_000, { zone: 'utc' });
      pairs.push({ month: at.month, day: at.day, minLead: Math.max(0, d - 1) });
      if (at.month === 2 && at.day === 28 && !at.isInLeapYear)
        pairs.push({ month: 2, day: 29, minLead: Math.max(0, d - 1) });
    }
    return pairs;
  };

  it('lists what the Luxon definition listed, leap years and year ends included', () => {
    const min = Date.UTC(1600, 0, 1);
    const max = Date.UTC(2500, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min, max }), (now) => {
        expect(datePairs(now)).toEqual(luxonPairs(now));
      }),
      { numRuns: 2000 },
    );
    for (const at of ['2100-02-20T23:59:59.999Z', '2000-02-27T00:00:00.000Z', '2026-12-20T12:00:00.000Z'])
      expect(datePairs(Date.parse(at))).toEqual(luxonPairs(Date.parse(at)));
  });
});
