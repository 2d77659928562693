import { describe, expect, it } from 'vitest';
import { TRACK_BY_DEFAULT_MAX, trackByDefault } from './import-tracking';

describe('trackByDefault', () => {
  it('tracks a small file and leaves a large one untracked', () => {
    expect(trackByDefault(0)).toBe(true);
    expect(trackByDefault(TRACK_BY_DEFAULT_MAX)).toBe(true);
    expect(trackByDefault(TRACK_BY_DEFAULT_MAX + 1)).toBe(false);
    expect(trackByDefault(30_000)).toBe(false);
  });
});
