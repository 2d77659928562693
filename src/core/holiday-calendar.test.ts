import { describe, expect, it } from 'vitest';
import { countryHolidays } from './holiday-calendar.js';
import type { HolidayKind } from './vocabulary.js';

const dateOf = (country: string, year: number, kind: HolidayKind) =>
  countryHolidays(country, year).find((h) => h.kind === kind)?.date;

describe('countryHolidays', () => {
  it('puts Easter on its movable Sunday', () => {
    expect(dateOf('US', 2025, 'easter')).toBe('2025-04-20');
    expect(dateOf('GB', 2026, 'easter')).toBe('2026-04-05');
    expect(dateOf('DE', 2027, 'easter')).toBe('2027-03-28');
  });

  it('keeps US and Canadian Thanksgiving apart (4th Thursday of November vs 2nd Monday of October)', () => {
    expect(dateOf('US', 2025, 'thanksgiving')).toBe('2025-11-27');
    expect(dateOf('US', 2026, 'thanksgiving')).toBe('2026-11-26');
    expect(dateOf('CA', 2025, 'thanksgiving')).toBe('2025-10-13');
    expect(dateOf('CA', 2026, 'thanksgiving')).toBe('2026-10-12');
  });

  it('dates Lunar New Year on the first day of the first month, not its eve', () => {
    expect(dateOf('CN', 2026, 'lunar_new_year')).toBe('2026-02-17');
    expect(dateOf('CN', 2027, 'lunar_new_year')).toBe('2027-02-06');
    expect(dateOf('SG', 2025, 'lunar_new_year')).toBe('2025-01-29');
    expect(dateOf('KR', 2026, 'lunar_new_year')).toBe('2026-02-17');
  });

  it('has Diwali for India (borrowed from Singapore’s table) and Singapore', () => {
    expect(dateOf('IN', 2025, 'diwali')).toBe('2025-10-20');
    expect(dateOf('IN', 2026, 'diwali')).toBe('2026-11-08');
    expect(dateOf('SG', 2027, 'diwali')).toBe('2027-10-28');
  });

  it('counts Eid al-Fitr and Eid al-Adha once, on their first day', () => {
    expect(dateOf('AE', 2026, 'eid_al_fitr')).toBe('2026-03-20');
    expect(dateOf('ID', 2026, 'eid_al_fitr')).toBe('2026-03-20');
    expect(countryHolidays('ID', 2026).filter((h) => h.kind === 'eid_al_fitr')).toHaveLength(1);
    expect(dateOf('AE', 2026, 'eid_al_adha')).toBe('2026-05-27');
  });

  it('has the Jewish holidays of Israel: Rosh Hashanah and Hanukkah', () => {
    expect(dateOf('IL', 2026, 'rosh_hashanah')).toBe('2026-09-12');
    expect(dateOf('IL', 2026, 'hanukkah')).toBe('2026-12-05');
  });

  it('maps other public holidays to public_holiday, and leaves substitute days and mere observances out', () => {
    const us = countryHolidays('US', 2026);
    expect(us.find((h) => h.name === 'Independence Day')).toMatchObject({
      kind: 'public_holiday',
      date: '2026-07-04',
    });
    expect(us.some((h) => h.name.includes('substitute'))).toBe(false);
    expect(us.some((h) => h.name === 'Halloween')).toBe(false);
    expect(dateOf('FR', 2026, 'christmas')).toBe('2026-12-25');
  });

  it('knows nothing of an unknown country', () => {
    expect(countryHolidays('ZZ', 2026)).toEqual([]);
  });
});
