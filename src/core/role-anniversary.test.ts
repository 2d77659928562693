import { describe, expect, it } from 'vitest';
import { describeRoleAnniversary, roleAnniversary } from './role-anniversary.js';

describe('roleAnniversary', () => {
  it('comes back a year after a new role, within the lead time', () => {
    const a = roleAnniversary('2025-03-12', '2026-03-11T09:00:00.000Z', 'Europe/Berlin');
    expect(a).toEqual({ years: 1, inDays: 1, date: '2026-03-12' });
    expect(describeRoleAnniversary('new_role', a!)).toBe('One year in the new role tomorrow');
    expect(describeRoleAnniversary('new_job', { years: 3, inDays: 2, date: '2026-03-13' })).toBe(
      'Three years at the new job in 2 days',
    );
  });

  it('is no anniversary in the year of the change, nor before the lead time', () => {
    expect(roleAnniversary('2026-03-12', '2026-03-11T09:00:00.000Z', 'UTC')).toBeNull();
    expect(roleAnniversary('2025-03-20', '2026-03-11T09:00:00.000Z', 'UTC')).toBeNull();
    expect(roleAnniversary('2025-03-10', '2026-03-11T09:00:00.000Z', 'UTC')).toBeNull();
  });

  it('counts the day in the contact’s zone', () => {
    // 11:00Z on 11 March is already 12 March in Auckland.
    expect(roleAnniversary('2024-03-12', '2026-03-11T11:00:00.000Z', 'Pacific/Auckland')?.inDays).toBe(0);
    expect(roleAnniversary('2024-03-12', '2026-03-11T11:00:00.000Z', 'America/New_York')?.inDays).toBe(1);
  });

  it('keeps a 29 February start on the 28th in common years', () => {
    expect(roleAnniversary('2024-02-29', '2025-02-27T12:00:00.000Z', 'UTC')).toEqual({
      years: 1,
      inDays: 1,
      date: '2025-02-28',
    });
  });
});
