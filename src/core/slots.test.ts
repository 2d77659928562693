import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CATCH_UP_FORMATS, suggestSlots } from './slots';
import { DEFAULT_WORKING_HOURS } from './vocabulary';

const hours = DEFAULT_WORKING_HOURS;
const inHours = (iso: string, zone: string, length: number) => {
  const s = DateTime.fromISO(iso).setZone(zone);
  const e = s.plus({ minutes: length });
  return (
    s.weekday <= 5 && s.toFormat('HH:mm') >= '09:00' && e.toFormat('HH:mm') <= '17:30' && s.hasSame(e, 'day')
  );
};

describe('suggestSlots', () => {
  it('finds the overlap of London and New York working hours', () => {
    const slots = suggestSlots(
      '2026-03-02T08:00:00Z',
      { zone: 'Europe/London', hours },
      { zone: 'America/New_York', hours },
      'virtual_coffee',
    );
    expect(slots.length).toBe(6);
    for (const s of slots) {
      expect(inHours(s.startAt, 'Europe/London', 15)).toBe(true);
      expect(inHours(s.startAt, 'America/New_York', 15)).toBe(true);
    }
  });

  it('follows DST: the overlap moves when the US springs forward before Europe', () => {
    // 2026-03-08 US DST starts; UK on 2026-03-29. Between them New York is only 4 hours behind London.
    const slots = suggestSlots(
      '2026-03-09T06:00:00Z',
      { zone: 'Europe/London', hours },
      { zone: 'America/New_York', hours },
      'virtual_coffee',
      {
        days: 3,
        limit: 10,
      },
    );
    const first = DateTime.fromISO(slots[0]!.startAt).setZone('America/New_York');
    expect(first.toFormat('HH:mm')).toBe('09:00');
    expect(DateTime.fromISO(slots[0]!.startAt).setZone('Europe/London').toFormat('HH:mm')).toBe('13:00');
  });

  it('finds nothing when working hours never overlap (Auckland and London)', () => {
    const narrow = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
    expect(
      suggestSlots(
        '2026-06-01T00:00:00Z',
        { zone: 'Pacific/Auckland', hours: narrow },
        { zone: 'Europe/London', hours: narrow },
        'walk',
      ),
    ).toEqual([]);
  });

  it('puts lunch at lunchtime for both', () => {
    const slots = suggestSlots(
      '2026-03-02T08:00:00Z',
      { zone: 'Europe/Paris', hours },
      { zone: 'Europe/Berlin', hours },
      'lunch',
    );
    for (const s of slots) {
      const local = DateTime.fromISO(s.startAt).setZone('Europe/Paris').toFormat('HH:mm');
      expect(local >= '11:30' && local <= '13:30').toBe(true);
    }
  });

  it('never suggests a slot outside either side’s hours, for any zones and formats', () => {
    const zones = [
      'UTC',
      'Europe/London',
      'America/Los_Angeles',
      'Asia/Kolkata',
      'Australia/Sydney',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...zones),
        fc.constantFrom(...CATCH_UP_FORMATS),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        (a, b, format, at) => {
          const slots = suggestSlots(at.toISOString(), { zone: a, hours }, { zone: b, hours }, format);
          const length = { virtual_coffee: 15, lunch: 60, walk: 45, conference: 30 }[format];
          for (const s of slots) {
            expect(inHours(s.startAt, a, length) && inHours(s.startAt, b, length)).toBe(true);
            expect(Date.parse(s.startAt)).toBeGreaterThan(at.getTime());
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
