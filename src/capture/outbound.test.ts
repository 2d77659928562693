import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertReachable, guardedFetch, isPrivateAddress, OutboundRefused } from './outbound';

const PUBLIC_ONLY = { privateNetworks: false };

describe('which addresses capture may reach', () => {
  it('knows the private, loopback, link-local and reserved ranges, IPv4 and IPv6', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of [
      '8.8.8.8',
      '172.32.0.1',
      '172.15.255.255',
      '192.169.0.1',
      '100.128.0.1',
      '2a00:1450::1',
      '::ffff:8.8.4.4',
    ])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('agrees with the 10/8 and 192.168/16 boundaries for every address (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const [a = 0, b = 0] = ip.split('.').map(Number);
        if (a === 10 || (a === 192 && b === 168) || a === 127) expect(isPrivateAddress(ip)).toBe(true);
        if (a === 8 || a === 9 || a === 11) expect(isPrivateAddress(ip)).toBe(false);
      }),
    );
  });

  it('refuses loopback by name and by number when public only, and allows it otherwise', async () => {
    await expect(assertReachable('localhost', PUBLIC_ONLY)).rejects.toThrow(OutboundRefused);
    await expect(assertReachable('127.0.0.1', PUBLIC_ONLY)).rejects.toThrow(
      /127\.0\.0\.1 is a private address \(127\.0\.0\.1\).*TEND_PRIVATE_FETCH=allow/,
    );
    await expect(assertReachable('[::1]', PUBLIC_ONLY)).rejects.toThrow(OutboundRefused);
    await expect(assertReachable('localhost', { privateNetworks: true })).resolves.toBeUndefined();
  });

  it('follows redirects by hand and drops Authorization when one leaves the origin', async () => {
    const seen: (string | undefined)[] = [];
    const target = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('BEGIN:VCALENDAR');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const targetPort = (target.address() as AddressInfo).port;
    const origin = createServer((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${targetPort}/cal.ics` });
      res.end();
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    const originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/start`;
    try {
      const res = await guardedFetch(
        originUrl,
        { headers: { authorization: 'Basic c2VjcmV0' } },
        { privateNetworks: true },
      );
      expect(await res.text()).toBe('BEGIN:VCALENDAR');
      expect(res.url).toBe(`http://localhost:${targetPort}/cal.ics`);
      // A public-only server refuses the loopback origin before sending anything.
      await expect(guardedFetch(originUrl, {}, PUBLIC_ONLY)).rejects.toThrow(OutboundRefused);
      expect(seen).toEqual([undefined]);
    } finally {
      await new Promise((r) => target.close(r));
      await new Promise((r) => origin.close(r));
    }
  });
});
