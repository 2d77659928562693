import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';
import { KEY_FILE, loadSecretKey } from './secret-key';

describe('secret box', () => {
  it('round-trips, uses a fresh IV, and refuses a wrong key or a changed byte', () => {
    const key = loadSecretKey({ secret: 'a long passphrase here', dataDir: '/nonexistent' });
    const a = seal(key, 'app password');
    expect(a).not.toContain('app password');
    expect(seal(key, 'app password')).not.toBe(a);
    expect(open(key, a)).toBe('app password');
    expect(() => open(loadSecretKey({ secret: 'another passphrase!', dataDir: '/x' }), a)).toThrow();
    const [iv, tag, data] = a.split('.');
    const flipped = Buffer.from(data!, 'base64');
    flipped[0]! ^= 1;
    expect(() => open(key, [iv, tag, flipped.toString('base64')].join('.'))).toThrow();
  });

  it('creates a 0600 key file once and refuses one others can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tend-key-'));
    const k1 = loadSecretKey({ secret: undefined, dataDir: dir });
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ secret: undefined, dataDir: dir })).toEqual(k1);
    const other = mkdtempSync(join(tmpdir(), 'tend-key-'));
    writeFileSync(join(other, KEY_FILE), k1.toString('base64'), { mode: 0o644 });
    expect(() => loadSecretKey({ secret: undefined, dataDir: other })).toThrow(/chmod 600/);
  });
});
