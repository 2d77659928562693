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
import { card } from '../helpers/dav-client';
import { type Radicale, startRadicale } from '../helpers/radicale';

const PANEL = 'section[aria-label="Phone and desktop sync"]';

describe('Settings: phone and desktop sync', () => {
  let h: BrowserHarness;
  let radicale: Radicale;
  beforeAll(async () => {
    h = await startBrowserHarness();
    radicale = await startRadicale();
  });
  afterAll(async () => {
    await h?.close();
    await radicale?.stop();
  });

  it('creates an app password, subscribes to an address book, syncs it and settles a match', async () => {
    const book = await radicale.newBook('e2e');
    await book.put('g.vcf', card('g', ['N:Hopper;Grace;;;', 'FN:Grace Hopper', 'EMAIL:grace@navy.example']));
    await book.put('w.vcf', card('w', ['N:Hopper;Walter;;;', 'FN:Walter Hopper', 'TEL:+44 20 7946 0000']));
    const context = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await signUpInContext(context);
    // Someone else with Walter's phone: the card waits for a choice instead of being merged.
    await apiPost(context, '/contacts', {
      firstName: 'Mary',
      lastName: 'Hopper',
      emails: [{ value: 'mary@home.example' }],
      phones: [{ value: '+44 20 7946 0000' }],
    });
    const page = await context.newPage();
    await page.goto('/settings');
    const panel = page.locator(PANEL);
    await panel.getByRole('heading', { name: 'Phone and desktop sync' }).waitFor();

    await panel.getByRole('button', { name: 'Create an app password' }).click();
    await panel.getByText('App password created').waitFor();
    await page
      .getByRole('table', { name: 'API tokens' })
      .getByText(/^Phone sync/)
      .waitFor();

    const form = panel.getByRole('form', { name: 'Subscribe to an address book' });
    await form.getByRole('textbox', { name: /Server or address book/ }).fill(book.url);
    await form.getByRole('textbox', { name: /User name/ }).fill(radicale.user);
    await form.getByLabel(/App password/).fill(radicale.password);
    await form.getByRole('button', { name: 'Subscribe to an address book' }).click();
    let row = panel.getByRole('group', { name: 'Address book e2e' });
    await row.getByText('Not synced yet').waitFor();
    // Renamed, and from now on writing new contacts into the book too.
    await row.getByRole('button', { name: 'Edit e2e' }).click();
    const edit = row.getByRole('form', { name: 'Edit address book e2e' });
    await edit.getByLabel('Name').fill('Work phone');
    await edit.getByLabel(/Also add contacts/).check();
    expect(await axeSeriousAllRules(page, PANEL)).toEqual([]);
    await shot(page, 'sync-subscription-edit.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    await edit.getByRole('button', { name: 'Save' }).click();
    row = panel.getByRole('group', { name: 'Address book Work phone' });
    await row.getByText('new contacts are written here too', { exact: false }).waitFor();
    const subs = await (await context.request.get('/api/v1/carddav-subscriptions')).json();
    expect(subs.items).toMatchObject([{ name: 'Work phone', pushNew: true }]);
    await row.getByRole('button', { name: 'Sync now' }).click();
    await row.getByText(/1 pulled, 0 pushed, 1 waiting/).waitFor({ timeout: 30_000 });
    const waiting = panel.getByRole('region', { name: 'Cards waiting for a choice' });
    await waiting.getByText(/Walter Hopper and Mary Hopper/).waitFor();
    await waiting.scrollIntoViewIfNeeded();
    await shot(page, 'sync-subscriptions.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    expect(await axeSeriousAllRules(page, PANEL)).toEqual([]);

    await waiting.getByRole('button', { name: 'Different people: add Walter Hopper' }).click();
    await expect.poll(async () => waiting.count()).toBe(0);
    const names = await context.request.get('/api/v1/contacts?limit=10');
    expect((await names.json()).items.map((c: { firstName: string }) => c.firstName).sort()).toEqual([
      'Grace',
      'Mary',
      'Walter',
    ]);
    expect(h.errors).toEqual([]);
  });

  it('fits a phone in dark mode and says why a subscription is refused', async () => {
    const book = await radicale.newBook('e2e-phone');
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary' });
    const page = await context.newPage();
    await page.goto('/settings');
    const form = page.locator(PANEL).getByRole('form', { name: 'Subscribe to an address book' });
    await form.getByRole('textbox', { name: /Server or address book/ }).fill(book.url);
    await form.getByRole('textbox', { name: /User name/ }).fill(radicale.user);
    await form.getByLabel(/App password/).fill('not-the-password');
    await form.getByRole('button', { name: 'Subscribe to an address book' }).click();
    await form.getByText(/authentication failed: the server says 401/).waitFor({ timeout: 30_000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'sync-subscriptions-dark-phone.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    expect(await axeSeriousAllRules(page, PANEL)).toEqual([]);
    // The 400 on the password is the point of this test, not a page error.
    expect(h.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
