import { describe, expect, it } from 'vitest';
import { cadenceCells, percent, weekLabel } from './chart-data';

describe('dashboard chart data', () => {
  it('labels a week by its Monday in UTC, whatever the browser zone', () => {
    expect(weekLabel('2026-03-09', 'en-GB')).toBe('9 Mar');
    expect(weekLabel('2025-12-29', 'en-GB')).toBe('29 Dec');
  });

  it('shows a grey ring when nobody is tracked and the three states otherwise', () => {
    expect(cadenceCells({ tracked: 0, noHistory: 0, onTime: 0, due: 0, overdue: 0 })).toEqual([
      { name: 'No tracked contacts', value: 1, color: 'gray.5' },
    ]);
    expect(
      cadenceCells({ tracked: 6, noHistory: 0, onTime: 3, due: 2, overdue: 1 }).map((c) => c.value),
    ).toEqual([3, 2, 1]);
  });

  it('rounds shares and never divides by zero', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });

  it('never says 100% while some are not, nor 0% while some are', () => {
    expect(percent(29_965, 30_000)).toBe(99);
    expect(percent(30_000, 30_000)).toBe(100);
    expect(percent(1, 30_000)).toBe(1);
    expect(percent(0, 30_000)).toBe(0);
    expect(percent(1, 3)).toBe(33);
  });
});
