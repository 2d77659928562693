import { describe, expect, it } from 'vitest';
import { parseExpiry, parseScopes } from './token-command';

describe('tend token create flags', () => {
  const now = new Date('2026-03-10T09:00:00.000Z');

  it('reads scopes and refuses unknown ones', () => {
    expect(parseScopes('read, dav')).toEqual(['read', 'dav']);
    expect(() => parseScopes('read,root')).toThrow(/--scope/);
    expect(() => parseScopes(',')).toThrow(/--scope/);
  });

  it('reads durations and dates', () => {
    expect(parseExpiry('30d', now)).toBe('2026-04-09T09:00:00.000Z');
    expect(parseExpiry('1w', now)).toBe('2026-03-17T09:00:00.000Z');
    expect(parseExpiry('2027-01-31', now)).toBe('2027-01-31T00:00:00.000Z');
    expect(() => parseExpiry('soon', now)).toThrow(/--expires/);
  });
});
