import { describe, expect, it } from 'vitest';
import { matches, PAGES } from './palette-actions';

describe('palette action matching', () => {
  it('matches every typed word against the label and keywords, ignoring case', () => {
    expect(matches('', 'Today')).toBe(true);
    expect(matches('tod', 'Today')).toBe(true);
    expect(matches('QUEUE', 'Today', ['home', 'queue'])).toBe(true);
    expect(matches('add cont', 'Add contact')).toBe(true);
    expect(matches('add trip', 'Add contact')).toBe(false);
    expect(matches('Grace Hopper', 'Dashboard', ['charts'])).toBe(false);
  });

  it('lists every page of the navigation once', () => {
    const paths = PAGES.map((p) => p.to);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/dashboard');
  });
});
