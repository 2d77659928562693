import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { capBlocks, sendWindow } from './boundaries';
import { addDays } from './instant';
import { DEFAULT_WORKING_HOURS } from './vocabulary';

const now = '2025-06-04T12:00:00.000Z'; // a Wednesday

describe('capBlocks', () => {
  it('blocks a second outreach within 14 days', () => {
    expect(capBlocks({ recentOutboundAt: [addDays(now, -5)], lastInboundAt: null }, now)).toBe(true);
  });

  it('allows it once 14 days have passed', () => {
    expect(capBlocks({ recentOutboundAt: [addDays(now, -14)], lastInboundAt: null }, now)).toBe(false);
  });

  it('allows it when they reached out since the last outreach', () => {
    expect(capBlocks({ recentOutboundAt: [addDays(now, -5)], lastInboundAt: addDays(now, -2) }, now)).toBe(
      false,
    );
    expect(capBlocks({ recentOutboundAt: [addDays(now, -5)], lastInboundAt: addDays(now, -6) }, now)).toBe(
      true,
    );
  });

  it('honours a custom cap and ignores future-dated outreach', () => {
    expect(capBlocks({ recentOutboundAt: [addDays(now, -5)], lastInboundAt: null }, now, 3)).toBe(false);
    expect(capBlocks({ recentOutboundAt: [addDays(now, 2)], lastInboundAt: null }, now)).toBe(false);
    expect(capBlocks({ recentOutboundAt: [], lastInboundAt: null }, now)).toBe(false);
  });
});

describe('sendWindow', () => {
  it('starts now when already inside working hours', () => {
    expect(sendWindow(now, 'Europe/Paris', DEFAULT_WORKING_HOURS)).toEqual({
      startAt: '2025-06-04T12:00:00.000Z',
      endAt: '2025-06-04T15:30:00.000Z',
      zone: 'Europe/Paris',
      localDate: '2025-06-04',
      localStart: '14:00',
      localEnd: '17:30',
      label: 'Wed 4 Jun 14:00–17:30 (Europe/Paris)',
    });
  });

  it('moves to the next morning after hours', () => {
    const w = sendWindow(now, 'Asia/Tokyo', DEFAULT_WORKING_HOURS); // 21:00 in Tokyo
    expect(w).toMatchObject({
      localDate: '2025-06-05',
      localStart: '09:00',
      startAt: '2025-06-05T00:00:00.000Z',
    });
  });

  it('skips the weekend', () => {
    const friday = '2025-06-06T20:00:00.000Z'; // Friday 22:00 in Paris, after hours
    expect(sendWindow(friday, 'Europe/Paris', DEFAULT_WORKING_HOURS)).toMatchObject({
      localDate: '2025-06-09',
      startAt: '2025-06-09T07:00:00.000Z',
    });
  });

  it('keeps wall-clock hours across a DST change', () => {
    // Saturday 2025-03-08 in New York; the next working day (Monday 10th) is in EDT (UTC−4).
    const w = sendWindow('2025-03-08T15:00:00.000Z', 'America/New_York', DEFAULT_WORKING_HOURS);
    expect(w).toMatchObject({ startAt: '2025-03-10T13:00:00.000Z', endAt: '2025-03-10T21:30:00.000Z' });
  });

  it('returns null when working hours are unusable', () => {
    expect(sendWindow(now, 'UTC', { start: '18:00', end: '09:00', days: [1] })).toBeNull();
    expect(sendWindow(now, 'UTC', { start: '09:00', end: '17:00', days: [] })).toBeNull();
    expect(sendWindow(now, 'UTC', { start: 'nine', end: '17:00', days: [1] })).toBeNull();
  });

  it('never suggests a time outside working hours (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.constantFrom('UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kathmandu'),
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 1, max: 8 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        (date, zone, startHour, length, days) => {
          const hours = {
            start: `${String(startHour).padStart(2, '0')}:00`,
            end: `${String(Math.min(24, startHour + length)).padStart(2, '0')}:00`,
            days,
          };
          const w = sendWindow(date.toISOString(), zone, hours);
          expect(w).not.toBeNull();
          const s = DateTime.fromISO(w!.startAt).setZone(zone);
          const e = DateTime.fromISO(w!.endAt);
          expect(days).toContain(s.weekday);
          expect(s.toMillis()).toBeGreaterThanOrEqual(date.getTime());
          expect(e.toMillis()).toBeGreaterThan(s.toMillis());
          expect(s.hour * 60 + s.minute).toBeGreaterThanOrEqual(startHour * 60);
        },
      ),
    );
  });
});
