import { describe, expect, it } from 'vitest';
import { humanize, localTimeIn, relativeTime } from './format';
import { safeHref } from './safe-url';

const now = new Date('2026-03-10T09:00:00Z');

describe('format helpers', () => {
  it('says how long ago in words', () => {
    expect(relativeTime(null, now)).toBe('never');
    expect(relativeTime('2026-03-10T08:00:00Z', now)).toBe('today');
    expect(relativeTime('2026-03-07T09:00:00Z', now)).toMatch(/3 days ago/);
    expect(relativeTime('2025-12-10T09:00:00Z', now)).toMatch(/3 months ago/);
  });

  it('tells the time in the contact zone, and nothing for an unknown zone', () => {
    expect(localTimeIn('Asia/Tokyo', now)).toMatch(/18:00|6:00/);
    expect(localTimeIn('Mars/Olympus', now)).toBeUndefined();
  });

  it('humanizes vocabulary', () => {
    expect(humanize('in_person')).toBe('In person');
  });

  it('never puts a script URL in an href', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref('https://grace.example/a b')).toBe('https://grace.example/a%20b');
    expect(safeHref('mailto:grace@example.com')).toBe('mailto:grace@example.com');
  });
});
