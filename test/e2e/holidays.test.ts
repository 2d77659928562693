import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeHoliday, holidayName, upcomingHoliday } from '../../src/core/holidays';
import { HOLIDAY_KINDS } from '../../src/core/vocabulary';
import { mailtoBody } from '../../web/src/features/drafts/relink';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Serious or critical accessibility findings inside `selector` (what this feature adds), as it is now. */
async function seriousAxe(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the devtools protocol: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const w = window as unknown as {
      axe: {
        run: (
          context: Element,
          options: object,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    // Every rule, colour contrast included: the theme meets WCAG AA (web/src/app/theme.ts).
    const r = await w.axe.run(document.querySelector(sel)!, {});
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

// The e2e server runs on the real clock: pick a country whose next named holiday is within 30 days
// of today, so the test works on any day of the year.
const COUNTRIES = ['IN', 'US', 'CN', 'AE', 'IL', 'CA', 'GB', 'SG', 'DE', 'ID', 'KR', 'BR'];
function nextHoliday(now: string) {
  const choice = { kinds: HOLIDAY_KINDS, leadDays: 30 };
  const found = COUNTRIES.map((c) => upcomingHoliday(c, null, choice, now))
    .filter((h) => h !== null)
    .sort((a, b) => a.inDays - b.inDays)[0];
  if (!found) throw new Error('no holiday within 30 days in any test country');
  return found;
}

describe('Holidays', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('from Settings to Today’s holiday item to a linted greeting that opens in mail', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'UTC',
      colorScheme: 'light',
    });
    await signUpInContext(context);
    const holiday = nextHoliday(new Date().toISOString());
    const circles = (await (await context.request.get('/api/v1/circles')).json()) as {
      items: { id: string; name: string; kind: string }[];
    };
    const peer = circles.items.find((c) => c.kind === 'peer')!;
    await apiPost(context, '/contacts', {
      firstName: 'Priya',
      lastName: 'Raman',
      country: holiday.country,
      circleId: peer.id,
      emails: [{ value: 'priya@example.com' }],
      timeZone: 'UTC',
    });

    // Settings: choose the holiday for the peers' circle, 30 days ahead.
    const page = await context.newPage();
    await page.goto('/settings');
    const form = page.getByRole('form', { name: 'Holidays' });
    await form.waitFor();
    await form.getByLabel(`Holidays for ${peer.name}`).click();
    const label =
      {
        public_holiday: 'Other public holidays',
        new_year: 'New Year',
      }[holiday.kind as string] ?? holidayName(holiday);
    await page.getByRole('option', { name: label, exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByLabel(`Days ahead for ${peer.name}`).fill('30');
    await form.getByRole('button', { name: 'Save holidays' }).click();
    await form.getByText(/The chosen holidays add about \d+ touch(es)? a year/).waitFor();
    await form.getByText(/1 person · \d+ a year/).waitFor();
    expect(await seriousAxe(page, 'form[aria-label="Holidays"]')).toEqual([]);
    await shot(page, 'holidays-settings.png', { fullPage: false });

    // Today: the holiday in words heads Priya's item.
    await page.goto('/');
    const queue = page.getByRole('list', { name: "Today's queue" });
    const row = queue.locator(':scope > li[aria-label="Priya Raman"]');
    await row.waitFor({ timeout: 30_000 });
    const words = describeHoliday(holiday);
    expect(await row.textContent()).toContain(words);
    expect(await seriousAxe(page, 'li[aria-label="Priya Raman"]')).toEqual([]);
    await shot(page, 'holidays-today.png', { fullPage: false });

    // Enter opens the panel with a holiday greeting, linted clean, and a mailto: link carrying it.
    // Priya is the only one in the queue, so she is the current item: Enter opens her panel.
    expect(await queue.locator(':scope > li[aria-current="true"]').getAttribute('aria-label')).toBe(
      'Priya Raman',
    );
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Priya Raman' });
    await panel.getByText('Before you reach out').waitFor();
    await shot(page, 'holidays-panel-open.png', { fullPage: false });
    expect(await panel.getByRole('combobox', { name: 'Occasion' }).inputValue()).toBe('Holiday greeting');
    const message = panel.getByLabel('Message');
    await page.waitForFunction(() => {
      const box = document.querySelector<HTMLTextAreaElement>('textarea');
      return !!box && box.value.length > 0;
    });
    const body = await message.inputValue();
    expect(body).toContain(`Happy ${holidayName(holiday)}`);
    await page.waitForFunction(() => !document.querySelector('[data-severity]'));
    const mail = panel.getByRole('link', { name: 'Open in mail' });
    const href = (await mail.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:priya@example.com?subject=Happy')).toBe(true);
    expect(mailtoBody(href)).toBe(body);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    // The test cannot hand a mailto: to a mail app; the click still reaches the page's handler.
    await page.evaluate(() =>
      document.addEventListener(
        'click',
        (e) => {
          if (e.target instanceof Element && e.target.closest('a[href^="mailto:"]')) e.preventDefault();
        },
        true,
      ),
    );
    await mail.click();
    expect(navigations).toEqual([]);
    await shot(page, 'holidays-draft.png', { fullPage: false });
    expect(h.errors).toEqual([]);
    await context.close();
  });

  it('shares in public: a LinkedIn post from Updates, and a celebrated win counted as a give', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await signUpInContext(context, { email: 'ann@example.com', name: 'Ann Smith' });
    // Nothing leaves the test: LinkedIn is a page the user opens, never reached from here.
    await context.route('https://www.linkedin.com/**', (route) => route.fulfill({ body: 'LinkedIn' }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto('/updates');
    await page.getByRole('heading', { name: 'Post on LinkedIn' }).waitFor();
    await page.getByLabel('Post').fill('We shipped Tend 1.0 today: a calmer way to keep in touch.');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'Copy & open LinkedIn' }).click(),
    ]);
    const shared = new URL(popup.url());
    expect(shared.searchParams.get('text')).toBe('We shipped Tend 1.0 today: a calmer way to keep in touch.');
    await popup.close();
    await page.getByText('shared on LinkedIn', { exact: false }).waitFor();
    expect(await seriousAxe(page, 'main')).toEqual([]);
    await shot(page, 'holidays-linkedin-post-dark.png', { fullPage: false });

    const grace = (await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'US Navy',
    })) as {
      id: string;
    };
    await apiPost(context, `/contacts/${grace.id}/life-events`, {
      kind: 'promotion',
      title: 'Promoted to Rear Admiral',
      occurredOn: new Date().toISOString().slice(0, 10),
    });
    await page.goto(`/contacts/${grace.id}`);
    await page.getByRole('button', { name: 'Celebrate publicly' }).click();
    const modal = page.getByRole('dialog', { name: 'Celebrate Grace publicly' });
    await modal.waitFor();
    expect(await modal.getByLabel('Post').inputValue()).toMatch(
      /^Congratulations to Grace Hopper on the promotion at US Navy: Promoted to Rear Admiral!/,
    );
    expect(await seriousAxe(page, '[role="dialog"]')).toEqual([]);
    await shot(page, 'holidays-celebrate-dark.png', { fullPage: false });
    await modal.getByRole('button', { name: 'Mark as posted' }).click();
    await modal.waitFor({ state: 'hidden' });
    const ledger = await (await context.request.get(`/api/v1/contacts/${grace.id}/ledger`)).json();
    expect(ledger).toMatchObject({ gives: 1, balance: 1 });
    expect(h.errors).toEqual([]);
    await context.close();
  });

  it('sets the update rhythm on Updates, in light, dark and on a phone', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 } });
    await signUpInContext(context, { email: 'rhythm@example.com', name: 'Rosalind Franklin' });
    const page = await context.newPage();
    await page.goto('/updates');
    const rhythm = page.getByRole('combobox', { name: 'Send an update' });
    await rhythm.waitFor();
    expect(await rhythm.inputValue()).toMatch(/^Every \d months$/);
    await rhythm.click();
    await page.getByRole('option', { name: 'Every 6 months' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByText('every 6 months keeps people in the loop').waitFor();
    const due = await (await context.request.get('/api/v1/updates/due')).json();
    expect(due).toMatchObject({ everyMonths: 6 });
    expect(await seriousAxe(page, 'main')).toEqual([]);
    await shot(page, 'holidays-update-rhythm.png', { fullPage: false });
    for (const [options, scheme, name] of [
      [{ viewport: { width: 1280, height: 900 } }, 'dark', 'holidays-update-rhythm-dark.png'],
      [PHONE, 'light', 'holidays-update-rhythm-phone.png'],
    ] as const) {
      const other = await h.newContext({
        storageState: await context.storageState(),
        ...options,
        colorScheme: scheme,
      });
      const p = await other.newPage();
      await p.goto('/updates');
      expect(await p.getByRole('combobox', { name: 'Send an update' }).inputValue()).toBe('Every 6 months');
      expect(await sidewaysOverflow(p)).toBeLessThanOrEqual(0);
      expect(await seriousAxe(p, 'main')).toEqual([]);
      await shot(p, name, { fullPage: false });
      await other.close();
    }
    expect(h.errors).toEqual([]);
    await context.close();
  });

  it('fits a 390-px phone in dark mode', async () => {
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark', timezoneId: 'UTC' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary Somerville' });
    const page = await context.newPage();
    await page.goto('/settings');
    const form = page.getByRole('form', { name: 'Holidays' });
    await form.waitFor();
    await form.scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxe(page, 'form[aria-label="Holidays"]')).toEqual([]);
    await shot(page, 'holidays-settings-dark-phone.png', { fullPage: false });
    await page.goto('/updates');
    await page.getByRole('heading', { name: 'Post on LinkedIn' }).scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'holidays-linkedin-post-dark-phone.png', { fullPage: false });
    await context.close();
  });
});
