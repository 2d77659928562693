import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousA11yViolations } from '../helpers/axe';
import { apiPost, type BrowserHarness, signUpInContext, startBrowserHarness } from '../helpers/browser';

/** Every page a signed-in person reaches from the navigation, with the h1 each must carry. */
const PAGES = [
  { path: '/today', h1: 'Today' },
  { path: '/contacts', h1: 'Contacts' },
  { path: '/circles', h1: 'Circles' },
  { path: '/dashboard', h1: 'Dashboard' },
  { path: '/updates', h1: 'Updates' },
  { path: '/import', h1: 'Import contacts' },
  { path: '/introductions', h1: 'Introductions' },
  { path: '/resources', h1: 'Resources' },
  { path: '/trips', h1: 'Trips' },
  { path: '/settings', h1: 'Settings' },
  { path: '/no-such-page', h1: 'Page not found' },
] as const;

async function firstContactId(context: BrowserContext): Promise<string> {
  const res = await context.request.get('/api/v1/contacts?limit=1');
  return ((await res.json()).items as { id: string }[])[0]?.id ?? '';
}

/** Waits until the page has drawn its data: its h1 shows and no loader is left spinning. */
async function settle(page: Page, h1: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0);
  // Mantine's transitions fade dialogs in; axe reads the colours as they end.
  await page.waitForTimeout(250);
}

describe.each(['light', 'dark'] as const)('accessibility in %s mode (axe-core, demo network)', (scheme) => {
  let h: BrowserHarness;
  let context: BrowserContext;
  let page: Page;
  const found: string[] = [];
  const check = async (label: string) => {
    const v = await seriousA11yViolations(page);
    if (v.length > 0) found.push(describeViolations(`${label}, ${scheme}`, v));
  };

  beforeAll(async () => {
    h = await startBrowserHarness();
    context = await h.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: scheme });
    await signUpInContext(context);
    await apiPost(context, '/demo', {});
    page = await context.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every page has one h1 and no serious or critical violation', async () => {
    found.length = 0;
    for (const { path, h1 } of PAGES) {
      await page.goto(path);
      await settle(page, h1);
      expect(await page.getByRole('heading', { level: 1 }).count(), `h1 on ${path}`).toBe(1);
      await check(path);
    }
    const id = await firstContactId(context);
    await page.goto(`/contacts/${id}`);
    await page.getByLabel('Timeline').waitFor();
    await settle(page, /.+/);
    await check('contact page');
    if (found.length > 0) throw new Error(`axe: serious or critical violations\n${found.join('\n')}`);
  });

  it('every dialog: shortcuts (on each page), palette, add contact, log interaction', async () => {
    found.length = 0;
    for (const { path, h1 } of PAGES) {
      await page.goto(path);
      await settle(page, h1);
      await page.locator('body').press('?');
      const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await shortcuts.waitFor();
      await page.waitForTimeout(250);
      await check(`shortcuts on ${path}`);
      await shortcuts.getByRole('button', { name: 'Close' }).click();
      await shortcuts.waitFor({ state: 'hidden' });
    }

    await page.goto('/today');
    await settle(page, 'Today');
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog', { name: 'Search contacts and commands' }).waitFor();
    await page.waitForTimeout(250);
    await check('palette');
    await page.keyboard.press('Escape');

    await page.goto('/contacts');
    await settle(page, 'Contacts');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('dialog', { name: 'Add contact' }).waitFor();
    await page.waitForTimeout(250);
    await check('add contact dialog');
    await page.keyboard.press('Escape');

    await page.goto(`/contacts/${await firstContactId(context)}`);
    await page.getByLabel('Timeline').waitFor();
    await page.keyboard.press('l');
    await page.getByRole('dialog', { name: 'Log interaction' }).waitFor();
    await page.waitForTimeout(250);
    await check('log interaction dialog');
    if (found.length > 0) throw new Error(`axe: serious or critical violations\n${found.join('\n')}`);
  });
});

describe('accessibility while data loads (axe-core)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every spinner is named and allowed its name, on each page and every card of a contact', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 860 } });
    await signUpInContext(context);
    await apiPost(context, '/demo', {});
    const id = await firstContactId(context);
    const page = await context.newPage();
    // Every read but the sign-in state (and the contact) waits until the check is done: the loaders stay up.
    const held: (() => Promise<void>)[] = [];
    await page.route('**/api/v1/**', async (route) => {
      const request = route.request();
      const path = new URL(request.url()).pathname;
      // The contact itself comes through, so that its page draws its cards, each loading its part.
      if (request.method() !== 'GET' || path === '/api/v1/auth/state' || path === `/api/v1/contacts/${id}`)
        return route.continue();
      held.push(() => route.continue().catch(() => undefined));
    });
    const found: string[] = [];
    const spinners: Record<string, number> = {};
    for (const path of [...PAGES.map((p) => p.path), `/contacts/${id}`]) {
      await page.goto(path);
      // Some pages draw without a spinner (the 404, Settings' static parts): those are counted as 0.
      await page
        .locator('.mantine-Loader-root')
        .first()
        .waitFor({ timeout: 3000 })
        .catch(() => undefined);
      // The contact page first spins for the contact, then each card spins for its own part.
      // If they never come, the count below says how many did.
      if (path === `/contacts/${id}`)
        await page
          .waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length >= 5)
          .catch(() => undefined);
      spinners[path] = await page.locator('.mantine-Loader-root').count();
      const v = await seriousA11yViolations(page);
      if (v.length > 0) found.push(describeViolations(`${path} loading`, v));
      for (const go of held.splice(0)) await go();
    }
    // The check saw the spinners it is about: each card of the contact page has its own.
    expect(spinners[`/contacts/${id}`]).toBeGreaterThanOrEqual(5);
    expect(
      Object.values(spinners).filter((n) => n > 0).length,
      JSON.stringify(spinners),
    ).toBeGreaterThanOrEqual(6);
    if (found.length > 0) throw new Error(`axe: serious or critical violations\n${found.join('\n')}`);
  });
});
