import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { davToken } from '../helpers/dav-client';
import { listen } from '../helpers/dav-server';
import { freshStore } from '../helpers/stores';

const SCRIPT = fileURLToPath(new URL('../helpers/caldav-client.py', import.meta.url));

function caldav(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Debian's python3, where python3-caldav is installed.
    const child = spawn('/usr/bin/python3', [SCRIPT, ...args], { timeout: 120_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`caldav client exited ${code}:\n${out}`)),
    );
  });
}

describe('python3-caldav against Tend', () => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore('sqlite');
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('discovers the calendar, reads birthdays and tasks, searches a time range, and completes a to-do', async () => {
    const grace = (
      await ada.call('POST', '/api/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' })
    ).json<{
      id: string;
    }>().id;
    expect(
      (
        await ada.call('POST', `/api/v1/contacts/${grace}/dates`, {
          kind: 'birthday',
          month: 12,
          day: 9,
          year: 1906,
        })
      ).statusCode,
    ).toBe(201);
    const task = (
      await ada.call('POST', '/api/v1/tasks', {
        title: 'Send Grace the COBOL paper',
        contactId: grace,
        dueAt: '2026-03-12T09:00:00.000Z',
      })
    ).json<{ id: string }>();
    const base = await listen(t.app);
    const phone = await davToken(t.app, ada.token);
    const out = await caldav([base, 'ada@example.com', phone]);
    expect(out).toContain(`principal ${base}/dav/principals/${ada.accountId}/`);
    expect(out).toContain('calendars 1 Tend');
    expect(out).toContain('event Birthday: Grace Hopper');
    // The birthday (9 December, yearly) is in a December window and not in March's.
    expect(out).toContain('in december Birthday: Grace Hopper');
    expect(out).toContain('searched december 1');
    expect(out).toContain('searched march 0');
    expect(out).toContain('todo Send Grace the COBOL paper');
    expect(out).toContain('completed Send Grace the COBOL paper');
    // The to-do reads back ticked, and an event is served as one VEVENT without METHOD (RFC 4791 §4.1).
    const { auth } = { auth: `Basic ${Buffer.from(`ada@example.com:${phone}`).toString('base64')}` };
    const todo = await t.app.inject({
      method: 'GET',
      url: `/dav/calendars/${ada.accountId}/tend/task-${task.id}@tend.ics`,
      headers: { authorization: auth },
    });
    expect(todo.body).toContain('STATUS:COMPLETED');
    expect(todo.headers['content-type']).toContain('text/calendar');
    expect(todo.body).not.toContain('METHOD:');
    const after = (await ada.call('GET', '/api/v1/tasks')).json<{ items: { id: string; done: boolean }[] }>();
    expect(after.items.find((x) => x.id === task.id)?.done).toBe(true);
  });
});
