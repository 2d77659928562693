import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/ids';
import { buildApp } from '../../src/server/app';
import { fixedClock, signUp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

/**
 * A server with open sign-up must not fetch private addresses for its users (SSRF): a calendar
 * address, an address book or a mailbox on loopback is refused in words, and nothing is fetched.
 */
describe.each(dialects)('a public-only server refuses private addresses on %s', (dialect) => {
  let store: TestStore;
  let internal: Server;
  let hits: number;
  let url: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    hits = 0;
    internal = createServer((_req, res) => {
      hits++;
      res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((r) => internal.close(r));
    await store.close();
  });

  it('names the address and the setting, and never sends the request', async () => {
    const deps = {
      store,
      clock: fixedClock(),
      newId,
      secretKey: Buffer.alloc(32, 7),
      outbound: { privateNetworks: false },
    };
    const app = await buildApp(deps, { signupOpen: true });
    try {
      const ada = await signUp(app);
      const calendar = await ada.call('POST', '/api/v1/sources', {
        kind: 'ics',
        name: 'Internal',
        url: `${url}/calendar.ics`,
      });
      expect(calendar.statusCode, calendar.body).toBe(201);
      const sync = await ada.call('POST', `/api/v1/sources/${calendar.json().id}/sync`);
      expect(sync.statusCode).toBe(502);
      expect(sync.json().detail).toContain('127.0.0.1 is a private address (127.0.0.1)');
      expect(sync.json().detail).toContain('TEND_PRIVATE_FETCH=allow');

      const book = await ada.call('POST', '/api/v1/carddav-subscriptions', {
        url: `${url}/dav/`,
        user: 'ada',
        password: 'app-pass',
      });
      expect(book.statusCode).toBeGreaterThanOrEqual(400);
      expect(book.body).toContain('is a private address');

      const mailbox = await ada.call('POST', '/api/v1/sources', {
        kind: 'imap',
        name: 'Internal mail',
        host: 'localhost',
        port: 993,
        tls: true,
        user: 'ada',
        password: 'app-pass',
      });
      expect(mailbox.statusCode, mailbox.body).toBe(201);
      const mail = await ada.call('POST', `/api/v1/sources/${mailbox.json().id}/sync`);
      expect(mail.statusCode).toBe(502);
      expect(mail.json().detail).toContain('localhost is a private address');
      expect(hits).toBe(0);
    } finally {
      await app.close();
    }
  });
});
