import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDays, daysBetween, localDate, safeZone, toMillis } from './instant';

describe('instant helpers', () => {
  it('reads instants with an offset, bare dates and offset-less times as UTC', () => {
    expect(toMillis('2025-06-04T12:00:00.000Z')).toBe(Date.UTC(2025, 5, 4, 12));
    expect(toMillis('2025-06-04T14:00:00+02:00')).toBe(Date.UTC(2025, 5, 4, 12));
    expect(toMillis('2025-06-04')).toBe(Date.UTC(2025, 5, 4));
    // Without an offset Date.parse would use the server's zone; core must not depend on it.
    expect(toMillis('2025-06-04T12:00:00')).toBe(Date.UTC(2025, 5, 4, 12));
  });

  it('reads any run of instants, repeated or not, as Date.parse does (the one-string memo)', () => {
    const instant = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
      .map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(
        fc.array(fc.oneof(instant, fc.constant('2025-06-04T12:00:00.000Z')), { maxLength: 20 }),
        (list) => {
          for (const iso of [...list, ...list.reverse()]) expect(toMillis(iso)).toBe(Date.parse(iso));
        },
      ),
    );
    toMillis('2025-06-04T12:00:00.000Z');
    expect(() => toMillis('tomorrow')).toThrow(RangeError);
  });

  it('throws on garbage', () => {
    expect(() => toMillis('tomorrow')).toThrow(RangeError);
    expect(() => toMillis('2025-13-45')).toThrow(RangeError);
  });

  it('falls back to UTC for unknown zones', () => {
    expect(safeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(safeZone('Not/AZone')).toBe('utc');
    expect(safeZone(null)).toBe('utc');
  });

  it('counts days', () => {
    expect(addDays('2025-01-01T00:00:00.000Z', 1.5)).toBe('2025-01-02T12:00:00.000Z');
    expect(daysBetween('2025-01-01T00:00:00.000Z', '2025-01-03T23:00:00.000Z')).toBe(2);
    expect(calendarDays({ year: 2024, month: 12, day: 31 }, { year: 2025, month: 3, day: 1 })).toBe(60);
    expect(localDate('2025-06-04T23:30:00.000Z', 'Asia/Tokyo')).toEqual({ year: 2025, month: 6, day: 5 });
  });
});
