import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPost,
  type BrowserHarness,
  SHOT_MAX_BYTES,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

/** A demo contact's name and id, read through the API like any client would. */
async function someDemoContact(context: BrowserContext): Promise<{ id: string; displayName: string }> {
  const res = await context.request.get('/api/v1/contacts?limit=5', { headers: { 'x-tend-csrf': '1' } });
  const items = (await res.json()).items as { id: string; displayName: string }[];
  const found = items.find((c) => c.displayName.includes(' '));
  if (!found) throw new Error('the demo network has no contacts');
  return found;
}

/** The four chart cards each draw an SVG chart once their data has arrived. */
async function expectFourCharts(page: Page) {
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  for (const title of ['Relationship health', 'Cadence', 'Touches per week', 'Give and ask']) {
    const card = page.getByRole('region', { name: title });
    await card.locator('svg.recharts-surface').first().waitFor();
  }
  const bars = page.getByRole('region', { name: 'Relationship health' }).locator('.recharts-bar-rectangle');
  expect(await bars.count()).toBeGreaterThan(0);
}

describe('command palette and dashboard', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds a contact with Ctrl+K, jumps to the dashboard with /, and draws its four charts', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    await signUpInContext(context);
    await apiPost(context, '/demo', {});
    const contact = await someDemoContact(context);
    const page = await context.newPage();
    await page.goto('/today');
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: 'Search contacts and commands' });
    await search.waitFor();
    await search.fill(contact.displayName);
    await page.getByRole('button', { name: new RegExp(`^${contact.displayName}`) }).waitFor();
    await search.press('Enter');
    await page.waitForURL(`**/contacts/${contact.id}`);
    await page.getByRole('heading', { name: contact.displayName, level: 1 }).waitFor();
    await expect.poll(() => search.isVisible()).toBe(false);

    // `/` opens it too when nobody is typing; a page is found by its keywords.
    await page.locator('body').press('/');
    await search.waitFor();
    await search.fill('charts');
    await page.getByRole('button', { name: /^Dashboard/ }).waitFor();
    await search.press('Enter');
    await page.waitForURL('**/dashboard');
    await expectFourCharts(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'dashboard.png', { docs: 'dashboard.png', maxBytes: SHOT_MAX_BYTES });
    expect(h.errors).toEqual([]);
  });

  it('works on a phone in dark mode: the header button opens it, "Log interaction…" picks a contact', async () => {
    const context = await h.newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
      isMobile: true,
      hasTouch: true,
    });
    await signUpInContext(context, { name: 'Bea Phone', email: 'bea@example.com' });
    await apiPost(context, '/demo', {});
    const contact = await someDemoContact(context);
    const page = await context.newPage();
    await page.goto('/dashboard');
    await expectFourCharts(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'dashboard-dark-phone.png', { maxBytes: SHOT_MAX_BYTES });

    await page.getByRole('button', { name: 'Search and commands' }).click();
    const search = page.getByRole('textbox', { name: 'Search contacts and commands' });
    await search.fill('log');
    await page.getByRole('button', { name: /^Log interaction/ }).click();
    const who = page.getByRole('textbox', { name: 'Whom did you talk to?' });
    await who.fill(contact.displayName);
    await page.getByRole('button', { name: new RegExp(`^${contact.displayName}`) }).click();
    await page.getByRole('dialog', { name: `Log an interaction with ${contact.displayName}` }).waitFor();
    await shot(page, 'palette-log-dark-phone.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    expect(h.errors).toEqual([]);
  });
});
