import { describe, expect, it } from 'vitest';
import { decodeScopes, encodeScopes, scopesAllow } from './token-scopes';

describe('token scopes', () => {
  it('lets write read, but keeps admin and dav apart', () => {
    expect(scopesAllow(['write'], 'read')).toBe(true);
    expect(scopesAllow(['read'], 'read')).toBe(true);
    expect(scopesAllow(['read'], 'write')).toBe(false);
    expect(scopesAllow(['admin'], 'read')).toBe(false);
    expect(scopesAllow(['write'], 'admin')).toBe(false);
    expect(scopesAllow(['dav'], 'read')).toBe(false);
    expect(scopesAllow(['dav'], 'dav')).toBe(true);
    expect(scopesAllow(['write', 'admin'], 'dav')).toBe(false);
  });

  it('stores a canonical set and never grants unknown words', () => {
    expect(encodeScopes(['admin', 'read', 'admin'])).toBe('read admin');
    expect(decodeScopes('write admin')).toEqual(['write', 'admin']);
    expect(decodeScopes('root write')).toEqual(['write']);
    expect(decodeScopes('')).toEqual([]);
  });
});
