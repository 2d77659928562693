import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryHolidays } from './holiday-calendar.js';
import {
  describeHoliday,
  HOLIDAY_QUIET_DAYS,
  holidayPlan,
  holidaysPerYear,
  upcomingHoliday,
} from './holidays.js';
import { HOLIDAY_KINDS, type HolidayKind } from './vocabulary.js';

const ALL = { kinds: HOLIDAY_KINDS, leadDays: 3 };
const COUNTRIES = [
  'US',
  'CA',
  'GB',
  'DE',
  'FR',
  'IN',
  'CN',
  'SG',
  'MY',
  'AE',
  'IL',
  'KR',
  'JP',
  'BR',
] as const;

describe('upcomingHoliday', () => {
  it('says Diwali is on Sunday in India three days ahead, and today on the day', () => {
    const h = upcomingHoliday(
      'IN',
      'Asia/Kolkata',
      { kinds: ['diwali'], leadDays: 7 },
      '2026-11-05T06:00:00.000Z',
    );
    expect(h).toMatchObject({ kind: 'diwali', date: '2026-11-08', inDays: 3 });
    expect(describeHoliday(h!)).toBe('Diwali is on Sunday in India');
    const on = upcomingHoliday(
      'IN',
      'Asia/Kolkata',
      { kinds: ['diwali'], leadDays: 7 },
      '2026-11-08T06:00:00.000Z',
    );
    expect(describeHoliday(on!)).toBe('Diwali is today in India');
  });

  it('words each country and distance plainly', () => {
    const thanks = upcomingHoliday(
      'US',
      'America/Chicago',
      { kinds: ['thanksgiving'], leadDays: 3 },
      '2026-11-25T15:00:00.000Z',
    );
    expect(describeHoliday(thanks!)).toBe('Thanksgiving is tomorrow in the United States');
    const ca = upcomingHoliday(
      'CA',
      'America/Toronto',
      { kinds: ['thanksgiving'], leadDays: 10 },
      '2026-10-03T15:00:00.000Z',
    );
    expect(describeHoliday(ca!)).toBe('Thanksgiving is on Monday 12 October in Canada');
    const eid = upcomingHoliday(
      'AE',
      'Asia/Dubai',
      { kinds: ['eid_al_fitr'], leadDays: 3 },
      '2026-03-18T06:00:00.000Z',
    );
    expect(describeHoliday(eid!)).toBe('Eid al-Fitr is on Friday in the United Arab Emirates');
  });

  it('counts the day in the contact’s zone: Lunar New Year is already today in Shanghai while it is the day before in Los Angeles', () => {
    // 2026-02-16T17:00Z is 09:00 on 16 February in Los Angeles but 01:00 on 17 February in Shanghai.
    const now = '2026-02-16T17:00:00.000Z';
    const choice = { kinds: ['lunar_new_year'] as HolidayKind[], leadDays: 3 };
    expect(upcomingHoliday('CN', 'Asia/Shanghai', choice, now)?.inDays).toBe(0);
    expect(upcomingHoliday('CN', 'America/Los_Angeles', choice, now)?.inDays).toBe(1);
    // An hour before midnight in Shanghai it is still tomorrow there.
    expect(upcomingHoliday('CN', 'Asia/Shanghai', choice, '2026-02-16T15:00:00.000Z')?.inDays).toBe(1);
  });

  it('follows the movable feasts across years', () => {
    const easter = (year: number) =>
      upcomingHoliday(
        'GB',
        'Europe/London',
        { kinds: ['easter'], leadDays: 30 },
        `${year}-03-25T12:00:00.000Z`,
      )?.date;
    expect([2025, 2026, 2027].map(easter)).toEqual(['2025-04-20', '2026-04-05', '2027-03-28']);
    const lny = (year: number) =>
      upcomingHoliday(
        'SG',
        'Asia/Singapore',
        { kinds: ['lunar_new_year'], leadDays: 30 },
        `${year}-01-20T00:00:00.000Z`,
      )?.date;
    expect([2025, 2026, 2027].map(lny)).toEqual(['2025-01-29', '2026-02-17', '2027-02-06']);
  });

  it('says nothing when no kind is chosen, the kind is not kept there, or it is outside the lead time', () => {
    expect(upcomingHoliday('US', 'UTC', { kinds: [], leadDays: 3 }, '2026-12-24T12:00:00.000Z')).toBeNull();
    expect(
      upcomingHoliday('US', 'UTC', { kinds: ['diwali'], leadDays: 30 }, '2026-11-01T12:00:00.000Z'),
    ).toBeNull();
    expect(
      upcomingHoliday('US', 'UTC', { kinds: ['christmas'], leadDays: 3 }, '2026-12-20T12:00:00.000Z'),
    ).toBeNull();
    expect(
      upcomingHoliday('US', 'UTC', { kinds: ['christmas'], leadDays: 3 }, '2026-12-26T12:00:00.000Z'),
    ).toBeNull();
  });

  it('prefers a named feast to a public holiday close to it (Easter over Good Friday)', () => {
    const plan = holidayPlan('GB', 2026, ALL).filter((h) => h.date.startsWith('2026-04'));
    expect(plan.map((h) => h.kind)).toEqual(['easter']);
  });

  it('counts a year of reminders for capacity', () => {
    expect(holidaysPerYear('US', 2026, { kinds: ['thanksgiving', 'christmas'], leadDays: 3 })).toBe(2);
    expect(holidaysPerYear('IN', 2026, { kinds: ['diwali'], leadDays: 3 })).toBe(1);
    expect(holidaysPerYear('US', 2026, ALL)).toBeGreaterThan(4);
  });
});

describe('holiday reminders, as properties', () => {
  const dayMs = 86_400_000;
  const kinds = fc.subarray([...HOLIDAY_KINDS], { minLength: 1 });
  const zone = fc.constantFrom(
    'UTC',
    'Pacific/Auckland',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Europe/Berlin',
    null,
  );

  it('never names more than one holiday to a contact in any seven consecutive days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COUNTRIES),
        kinds,
        fc.integer({ min: 0, max: 30 }),
        zone,
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 1) }),
        (country, chosen, leadDays, z, start) => {
          const named: string[] = [];
          for (let d = 0; d < HOLIDAY_QUIET_DAYS; d++) {
            const h = upcomingHoliday(
              country,
              z,
              { kinds: chosen, leadDays },
              new Date(start + d * dayMs).toISOString(),
            );
            if (h) named.push(`${h.kind}/${h.date}`);
          }
          expect(new Set(named).size).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('only names a chosen kind, on a date the country keeps, within the lead time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COUNTRIES),
        kinds,
        fc.integer({ min: 0, max: 30 }),
        zone,
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 1) }),
        (country, chosen, leadDays, z, at) => {
          const h = upcomingHoliday(country, z, { kinds: chosen, leadDays }, new Date(at).toISOString());
          if (!h) return;
          expect(chosen).toContain(h.kind);
          expect(h.inDays).toBeGreaterThanOrEqual(0);
          expect(h.inDays).toBeLessThanOrEqual(leadDays);
          expect(
            countryHolidays(country, Number(h.date.slice(0, 4))).some(
              (c) => c.date === h.date && c.kind === h.kind,
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
