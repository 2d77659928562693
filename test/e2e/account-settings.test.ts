import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11y } from '../helpers/axe';
import {
  type BrowserHarness,
  PHONE,
  RESULTS_DIR,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

const PASSWORD = 'correct horse battery';
/** The console noise the weak-password step causes on purpose. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/status of 400 .*\/api\/v1\/me\/password$/.test(e));
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1';

describe('Settings → Account (F27)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A second browser (another context, another user agent) signed in as the same person. */
  async function otherDevice(email: string): Promise<BrowserContext> {
    const context = await h.newContext({ userAgent: PHONE_UA });
    const res = await context.request.post('/api/v1/auth/signin', { data: { email, password: PASSWORD } });
    expect(res.status()).toBe(200);
    return context;
  }
  const signedIn = async (context: BrowserContext) =>
    (await context.request.get('/api/v1/me')).status() === 200;

  async function openAccount(page: Page): Promise<void> {
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await page.getByRole('table', { name: 'Sessions' }).getByText('This session').waitFor();
  }

  for (const [label, options, scheme] of [
    ['light', { viewport: { width: 1280, height: 900 } }, 'light'],
    ['dark', { viewport: { width: 1280, height: 900 } }, 'dark'],
    ['phone', PHONE, 'light'],
  ] as const) {
    it(`lists sessions and changes the password, signing the other device out (${label})`, async () => {
      const email = `${label}@example.com`;
      const context = await h.newContext({ ...options, colorScheme: scheme, timezoneId: 'Europe/London' });
      await signUpInContext(context, { email });
      const phone = await otherDevice(email);
      const page = await context.newPage();
      await openAccount(page);
      const sessions = page.getByRole('table', { name: 'Sessions' });
      await expect.poll(() => sessions.locator('tbody tr').count()).toBe(2);
      await sessions.getByText('Safari on iOS').waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const panel = page.getByRole('region', { name: 'Account' });
      await expectNoSeriousA11y(page, `Settings → Account, ${label}`);
      await panel.screenshot({
        path: join(RESULTS_DIR, `account-settings-${label}.png`),
        animations: 'disabled',
      });

      // A weak new password: the server says why, under the field.
      const form = page.getByRole('form', { name: 'Change password' });
      await form.getByLabel('Current password').fill(PASSWORD);
      await form.getByLabel('New password').fill('password12');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByText(/too weak: this is a commonly used password/).waitFor();
      await expectNoSeriousA11y(page, `password error, ${label}`);
      await panel.screenshot({
        path: join(RESULTS_DIR, `account-password-error-${label}.png`),
        animations: 'disabled',
      });

      await form.getByLabel('New password').fill('kettle marble ostrich');
      await form.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Password changed; 1 other session signed out').waitFor();
      await expect.poll(() => sessions.locator('tbody tr').count()).toBe(1);
      expect(await signedIn(phone)).toBe(false);
      expect(await signedIn(context)).toBe(true);
      expect(unexpected(h.errors)).toEqual([]);
    });
  }

  it('signs one other session out, then every other', async () => {
    const email = 'sessions@example.com';
    const context = await h.newContext({ viewport: { width: 1280, height: 900 } });
    await signUpInContext(context, { email });
    const [a, b, c] = [await otherDevice(email), await otherDevice(email), await otherDevice(email)];
    const page = await context.newPage();
    await openAccount(page);
    const sessions = page.getByRole('table', { name: 'Sessions' });
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(4);
    await sessions
      .getByRole('button', { name: /^Sign out Safari on iOS/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(3);
    const still = [await signedIn(a), await signedIn(b), await signedIn(c)];
    expect(still.filter(Boolean)).toHaveLength(2);

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByText('2 other sessions signed out').waitFor();
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(1);
    expect([await signedIn(a), await signedIn(b), await signedIn(c)]).toEqual([false, false, false]);
    expect(await signedIn(context)).toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: 'Sign out everywhere else' }).isDisabled())
      .toBe(true);
    expect(unexpected(h.errors)).toEqual([]);
  });
});
