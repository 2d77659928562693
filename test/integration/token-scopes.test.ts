import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { davPrincipal, sha256 } from '../../src/services/auth.service';
import { insertApiToken } from '../../src/store/accounts.repo';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('scoped API tokens on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let owner: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    owner = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  async function mint(body: object): Promise<string> {
    const res = await owner.call('POST', '/api/v1/tokens', { name: 'scoped', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ token: string }>().token;
  }
  const as = (token: string, method: 'GET' | 'POST', url: string, body?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body && { payload: body }),
    });

  it('enforces read, write and admin per route', async () => {
    const read = await mint({ scopes: ['read'] });
    const write = await mint({ scopes: ['write'] });
    const admin = await mint({ scopes: ['admin'] });
    const contact = { firstName: 'Grace' };

    expect((await as(read, 'GET', '/api/v1/contacts')).statusCode).toBe(200);
    const refused = await as(read, 'POST', '/api/v1/contacts', contact);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toContain("'write' scope");

    expect((await as(write, 'POST', '/api/v1/contacts', contact)).statusCode).toBe(201);
    expect((await as(write, 'GET', '/api/v1/contacts')).statusCode).toBe(200);
    for (const [method, url] of [
      ['GET', '/api/v1/tokens'],
      ['POST', '/api/v1/tokens'],
      ['GET', '/api/v1/export/backup.json'],
      ['GET', '/api/v1/feed-tokens'],
      ['POST', '/api/v1/feed-tokens'],
    ] as const) {
      const res = await as(write, method, url, method === 'POST' ? { name: 'x' } : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }

    expect((await as(admin, 'GET', '/api/v1/export/backup.json')).statusCode).toBe(200);
    expect((await as(admin, 'POST', '/api/v1/feed-tokens')).statusCode).toBe(201);
    expect((await as(admin, 'GET', '/api/v1/contacts')).statusCode).toBe(403);
  });

  it('refuses a DAV-only token on /api and accepts it for DAV', async () => {
    const dav = await mint({ scopes: ['dav'] });
    const read = await mint({ scopes: ['read'] });
    expect((await as(dav, 'GET', '/api/v1/contacts')).statusCode).toBe(403);
    expect((await as(dav, 'GET', '/api/v1/me')).statusCode).toBe(403);
    expect((await davPrincipal(t.deps, dav))?.accountId).toBe(owner.accountId);
    expect(await davPrincipal(t.deps, read)).toBeNull();
    expect(await davPrincipal(t.deps, 'tend_unknown')).toBeNull();
  });

  it('lets an admin token mint tokens, which a write token cannot', async () => {
    const admin = await mint({ scopes: ['admin'] });
    const write = await mint({ scopes: ['write'] });
    expect((await as(admin, 'POST', '/api/v1/tokens', { name: 'ci', scopes: ['read'] })).statusCode).toBe(
      201,
    );
    const refused = await as(write, 'POST', '/api/v1/tokens', { name: 'escalate', scopes: ['admin'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain("'admin' scope");
  });

  it('stops accepting a token once it expires, and refuses an expiry in the past', async () => {
    const token = await mint({ scopes: ['read'], expiresAt: '2026-03-11T09:00:00Z' });
    expect((await as(token, 'GET', '/api/v1/contacts')).statusCode).toBe(200);
    t.deps.clock.set('2026-03-11T09:00:00.000Z');
    const expired = await as(token, 'GET', '/api/v1/contacts');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toContain('expired');
    expect(await davPrincipal(t.deps, token)).toBeNull();

    const past = await owner.call('POST', '/api/v1/tokens', { name: 'x', expiresAt: '2026-03-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('expiresAt');
    const none = await owner.call('POST', '/api/v1/tokens', { name: 'x', scopes: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('scopes');
  });

  it('lists scopes and expiry, and defaults a new token to write', async () => {
    await owner.call('POST', '/api/v1/tokens', { name: 'plain' });
    const items = (await owner.call('GET', '/api/v1/tokens')).json<{
      items: { name: string; scopes: string[]; expiresAt: string | null }[];
    }>().items;
    expect(items.find((i) => i.name === 'plain')).toMatchObject({ scopes: ['write'], expiresAt: null });
    expect(items.find((i) => i.name === 'tests')).toMatchObject({ scopes: ['write', 'dav', 'admin'] });
  });

  it('keeps a token minted before scopes working as write+admin', async () => {
    // A row written without the new columns, as every token was before the migration.
    const me = (await owner.call('GET', '/api/v1/me')).json<{ userId: string }>();
    const secret = 'tend_legacy-token-from-before-scopes';
    await insertApiToken(store.read, {
      account_id: owner.accountId,
      id: 'legacy',
      user_id: me.userId,
      name: 'legacy',
      token_hash: sha256(secret),
      prefix: secret.slice(0, 12),
      created_at: '2026-01-01T00:00:00.000Z',
      last_used_at: null,
      revoked_at: null,
      expires_at: null,
    });
    expect((await as(secret, 'GET', '/api/v1/export/backup.json')).statusCode).toBe(200);
    expect((await as(secret, 'POST', '/api/v1/contacts', { firstName: 'Old' })).statusCode).toBe(201);
  });
});
