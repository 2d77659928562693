import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults for a zero-set-up SQLite install', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      signupOpen: false,
      trustProxy: false,
      publicUrl: 'http://localhost:3000',
      smtpFrom: 'Tend <tend@localhost>',
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://db', TEND_SIGNUP: 'yes' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must start with postgres:\/\/.*\n.*TEND_SIGNUP/s,
    );
  });

  it('reads the operator settings', () => {
    const c = loadConfig({
      TEND_SIGNUP: 'open',
      TEND_TRUST_PROXY: '1',
      TEND_PUBLIC_URL: 'https://tend.example.org',
    });
    expect(c).toMatchObject({ signupOpen: true, trustProxy: 1, smtpFrom: 'Tend <tend@tend.example.org>' });
  });

  it('lets capture reach private networks on a one-person server, not once sign-up is open, unless told', () => {
    expect(loadConfig({}).privateFetch).toBe(true);
    expect(loadConfig({ TEND_SIGNUP: 'open' }).privateFetch).toBe(false);
    expect(loadConfig({ TEND_SIGNUP: 'open', TEND_PRIVATE_FETCH: 'allow' }).privateFetch).toBe(true);
    expect(loadConfig({ TEND_PRIVATE_FETCH: 'deny' }).privateFetch).toBe(false);
    expect(() => loadConfig({ TEND_PRIVATE_FETCH: 'yes' })).toThrow(/TEND_PRIVATE_FETCH/);
  });

  it('trusts a hop count or a list of proxy addresses, and refuses trusting every hop', () => {
    expect(loadConfig({ TEND_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TEND_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TEND_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'fd00::/8',
    ]);
    for (const all of ['true', 'all', 'TRUE'])
      expect(() => loadConfig({ TEND_TRUST_PROXY: all })).toThrow(/TEND_TRUST_PROXY: .*spoofable/);
    expect(() => loadConfig({ TEND_TRUST_PROXY: '10.0.0.0/33,proxy.local' })).toThrow(
      /TEND_TRUST_PROXY: .*'10\.0\.0\.0\/33', 'proxy\.local'/,
    );
  });
});
