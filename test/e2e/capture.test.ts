import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSeriousAllRules } from '../helpers/axe';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  SHOT_MAX_BYTES,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';
import { type Dovecot, startDovecot } from '../helpers/dovecot';

const day = 86_400_000;
const rfc = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

describe('capture web app', () => {
  let h: BrowserHarness;
  let dovecot: Dovecot;
  beforeAll(async () => {
    h = await startBrowserHarness();
    dovecot = await startDovecot();
    const now = Date.now();
    dovecot.deliver('Sent', {
      from: 'Ada Lovelace <ada@example.com>',
      to: 'Grace Hopper <grace@navy.example>',
      date: rfc(now - 3 * day),
      subject: 'The compiler paper — your thoughts?',
      messageId: 'e2e-out@example.com',
    });
    dovecot.deliver('INBOX', {
      from: 'Grace Hopper <grace@navy.example>',
      to: 'ada@example.com',
      date: rfc(now - 2 * day),
      subject: 'Re: The compiler paper — your thoughts?',
      messageId: 'e2e-in@navy.example',
      inReplyTo: 'e2e-out@example.com',
    });
    dovecot.deliver('INBOX', {
      from: 'Linus <linus@kernel.example>',
      to: 'ada@example.com',
      date: rfc(now - day),
      subject: 'Patch review',
      messageId: 'e2e-stranger@kernel.example',
    });
    dovecot.deliver('INBOX', {
      from: 'Weekly <news@list.example>',
      to: 'ada@example.com',
      date: rfc(now - day),
      subject: 'This week',
      messageId: 'e2e-news@list.example',
      headers: ['List-Unsubscribe: <mailto:u@list.example>'],
    });
  });
  afterAll(async () => {
    await h?.close();
    await dovecot?.stop();
  });

  it('adds a mailbox, watches it sync, and the captured exchange takes the contact off Today', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await signUpInContext(context);
    const grace = (await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'grace@navy.example' }],
      cadence: { kind: 'monthly' },
    })) as { id: string };
    await apiPost(context, `/contacts/${grace.id}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: new Date(Date.now() - 90 * day).toISOString(),
    });
    const page = await context.newPage();
    await page.goto('/today');
    await page.getByText('Grace Hopper').first().waitFor({ timeout: 30_000 });

    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    const form = page.getByRole('form', { name: 'Add a source' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Work mail');
    await form.getByRole('textbox', { name: 'Server', exact: true }).fill(dovecot.host);
    await form.getByRole('textbox', { name: 'Port', exact: true }).fill(String(dovecot.port));
    await form.getByRole('switch', { name: /^TLS/ }).uncheck();
    await form.getByRole('textbox', { name: 'User', exact: true }).fill(dovecot.user);
    await form.getByLabel('App password').fill(dovecot.password);
    await form.getByRole('button', { name: 'Add source' }).click();
    const row = page.getByRole('row', { name: /Work mail/ });
    await row.getByText('not synced yet').waitFor();
    await row.getByRole('button', { name: 'Sync now' }).click();
    await row.getByText('up to date').waitFor({ timeout: 30_000 });
    await expect.poll(async () => row.innerText()).toMatch(/4 \/ 2 \/ 2/);
    await page.getByRole('table', { name: 'Suggested contacts' }).getByText('linus@kernel.example').waitFor();
    await page.getByRole('table', { name: 'Suggested contacts' }).scrollIntoViewIfNeeded();
    await shot(page, 'capture-sources.png', {
      fullPage: false,
      docs: 'capture-sources.png',
      maxBytes: SHOT_MAX_BYTES,
    });
    expect(await axeSeriousAllRules(page, 'section[aria-label="Sources"]')).toEqual([]);

    await page.goto(`/contacts/${grace.id}`);
    await page.getByText('Re: The compiler paper — your thoughts?').first().waitFor();
    await page.getByText('The compiler paper — your thoughts?', { exact: true }).first().waitFor();
    await shot(page, 'capture-timeline.png', { maxBytes: SHOT_MAX_BYTES });

    await page.goto('/today');
    await page.getByRole('heading', { name: /Today/ }).first().waitFor();
    await expect.poll(async () => page.getByText('Grace Hopper').count()).toBe(0);
    expect(h.errors).toEqual([]);
  });

  it('fits a phone and dark mode, and shows a failed sync in words', async () => {
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary' });
    const source = (await apiPost(context, '/sources', {
      kind: 'imap',
      name: 'Old mail',
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      user: dovecot.user,
      password: 'not-the-password',
    })) as { id: string };
    await context.request.post(`/api/v1/sources/${source.id}/sync`, { headers: { 'x-tend-csrf': '1' } });
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByText(/authentication failed: the server says/).waitFor({ timeout: 30_000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // The whole settings page at 2× is too heavy for the docs: the screen with the failed source.
    await page.getByRole('row', { name: /Old mail/ }).scrollIntoViewIfNeeded();
    await shot(page, 'capture-sources-dark-phone.png', {
      fullPage: false,
      docs: 'capture-sources-dark-phone.png',
      maxBytes: SHOT_MAX_BYTES,
    });
    expect(await axeSeriousAllRules(page, 'section[aria-label="Sources"]')).toEqual([]);
    // 502 from the sync above is the point of this test, not a page error.
    expect(h.errors.filter((e) => !/status of 502/.test(e))).toEqual([]);
  });
});
