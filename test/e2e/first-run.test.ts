import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11y } from '../helpers/axe';
import {
  type BrowserHarness,
  PHONE,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

describe('first run on an empty account', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('guides to import, the demo or the first five people, with a live capacity check', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/London',
    });
    await signUpInContext(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: /Welcome to Tend/ }).waitFor();
    expect(await page.getByText(/up to date|An update is due/).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Import a file' }).getAttribute('href')).toBe('/import');
    await page.getByRole('button', { name: 'Load the demo network' }).waitFor();
    await expectNoSeriousA11y(page, 'first run, light');
    await shot(page, 'first-run-light.png', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
    await expectNoSeriousA11y(page, 'first run, dark');
    await shot(page, 'first-run-dark.png', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: 'Add the first five' }).click();
    const form = page.getByRole('form', { name: 'The first five people' });
    const check = form.getByText(/Type a name|touches a week/);
    expect(await check.textContent()).toContain('Type a name');
    await form.getByRole('textbox', { name: 'Person 1' }).fill('Grace Hopper');
    await form.getByRole('combobox', { name: 'Cadence of person 1' }).click();
    await page.getByRole('option', { name: 'Monthly' }).click();
    // Monthly = one touch every ~30 days: about 0.2 a week.
    await form
      .getByText(/with 1 person this way takes about 0\.2 touches a week against your budget of \d+/)
      .waitFor();
    await form.getByRole('textbox', { name: 'Person 2' }).fill('Alan Turing');
    await form.getByRole('combobox', { name: 'Circle of person 2' }).click();
    await page.getByRole('option').first().click();
    await form.getByText(/with 2 people this way/).waitFor();
    await expectNoSeriousA11y(page, 'first five form');
    await shot(page, 'first-run-five.png');
    await form.getByRole('button', { name: 'Add these people' }).click();

    // The guide gives way to the ordinary Today once someone is in the account.
    await page.getByRole('heading', { name: /Welcome to Tend/ }).waitFor({ state: 'detached' });
    const contacts: {
      items: { displayName: string; cadence: { kind: string } | null; circleId: string | null }[];
    } = await (await context.request.get('/api/v1/contacts?limit=10')).json();
    expect(contacts.items.map((c) => c.displayName)).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(contacts.items[1]?.cadence).toEqual({ kind: 'monthly' });
    expect(contacts.items[0]?.circleId).not.toBeNull();
    expect(h.errors).toEqual([]);
  });

  it('fits a 390-px phone in dark mode', async () => {
    const context = await h.newContext({ ...PHONE, timezoneId: 'Europe/London', colorScheme: 'dark' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary Somerville' });
    const page = await context.newPage();
    await page.goto('/today');
    await page.getByRole('heading', { name: /Welcome to Tend/ }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11y(page, 'first run on a phone, dark');
    await shot(page, 'first-run-phone-dark.png');
    expect(h.errors).toEqual([]);
  });
});
