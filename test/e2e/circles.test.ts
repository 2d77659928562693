import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11y } from '../helpers/axe';
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

async function apiGet<T>(context: BrowserContext, path: string): Promise<T> {
  return (await context.request.get(`/api/v1${path}`)).json() as Promise<T>;
}

interface Plan {
  touchesPerWeek: number;
  budget: number;
  over: boolean;
}

/** Picks a named cadence in a Mantine select. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('circles, bulk actions and the capacity planner (demo network)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates a circle with a cadence, moves ten contacts into it in bulk, and lands the capacity plan', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await signUpInContext(context);
    await apiPost(context, '/demo', {});
    const page = await context.newPage();

    await page.goto('/circles');
    await page.getByRole('heading', { level: 1, name: 'Circles' }).waitFor();
    const form = page.getByRole('form', { name: 'New circle' });
    await form.getByLabel('New circle').fill('Founders I advise');
    await choose(page, 'Default cadence', 'Monthly');
    await form.getByRole('button', { name: 'Create circle' }).click();
    const table = page.getByRole('table', { name: 'Circles' });
    await table.getByRole('textbox', { name: 'Name of Founders I advise' }).waitFor();
    const circles = await apiGet<{ items: { id: string; name: string; cadence: { kind: string } }[] }>(
      context,
      '/circles',
    );
    const founders = circles.items.find((c) => c.name === 'Founders I advise');
    expect(founders?.cadence).toEqual({ kind: 'monthly' });

    // Ten contacts ticked on the list, one bulk action.
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    const list = page.getByRole('table', { name: 'Contacts' });
    await list.getByRole('checkbox').nth(10).waitFor();
    const boxes = list.getByRole('checkbox', { name: /^Select (?!all)/ });
    for (let i = 0; i < 10; i++) await boxes.nth(i).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('10 contacts selected').waitFor();
    await shot(page, 'contacts-bulk.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    await expectNoSeriousA11y(page, 'contacts with the bulk bar, light');
    await bar.getByRole('combobox', { name: 'Move to circle' }).click();
    await page.getByRole('option', { name: 'Founders I advise' }).click();
    await page.getByText('10 contacts: moved to Founders I advise').waitFor();
    await bar.waitFor({ state: 'hidden' });
    const after = await apiGet<{ items: { id: string; contactCount: number }[] }>(context, '/circles');
    expect(after.items.find((c) => c.id === founders?.id)?.contactCount).toBe(10);
    const inCircle = await apiGet<{ items: { circleId: string }[] }>(
      context,
      `/contacts?circleId=${founders?.id}&limit=50`,
    );
    expect(inCircle.items).toHaveLength(10);

    // A budget the plan is over but can fit: about 300 people are ~5.8 a week even all yearly.
    await page.goto('/settings');
    await page.getByLabel('Weekly budget').fill('8');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Settings saved').waitFor();
    const before = await apiGet<Plan>(context, '/capacity');
    expect(before).toMatchObject({ budget: 8, over: true });

    await page.goto('/circles');
    const planner = page.getByRole('region', { name: 'Capacity' });
    await planner.getByRole('button', { name: 'Apply these moves' }).waitFor();
    await table.getByRole('link', { name: '10', exact: true }).waitFor();
    await shot(page, 'circles.png', { maxBytes: SHOT_MAX_BYTES });
    await expectNoSeriousA11y(page, 'circles and capacity, light');
    await planner.getByRole('button', { name: 'Apply these moves' }).click();
    await planner.getByText('Within budget').waitFor();
    const landed = await apiGet<Plan>(context, '/capacity');
    expect(landed.over).toBe(false);
    expect(landed.touchesPerWeek).toBeLessThanOrEqual(8);
    await shot(page, 'circles-within-budget.png', { maxBytes: SHOT_MAX_BYTES });

    // Renaming in place.
    const name = table.getByRole('textbox', { name: 'Name of Founders I advise' });
    await name.fill('Founders');
    await name.press('Enter');
    await page.getByText('Renamed to “Founders”').waitFor();
    expect(h.errors).toEqual([]);
  });

  it('reads in dark mode and on a 390-px phone', async () => {
    const dark = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await signUpInContext(dark, { name: 'Bea Dark', email: 'bea@example.com' });
    await apiPost(dark, '/demo', {});
    await dark.request.patch('/api/v1/me/settings', {
      data: { weeklyBudget: 3 },
      headers: { 'x-tend-csrf': '1' },
    });
    const page = await dark.newPage();
    await page.goto('/circles');
    await page
      .getByRole('region', { name: 'Capacity' })
      .getByText('No cadence can fit this budget')
      .waitFor();
    await shot(page, 'circles-dark.png', { maxBytes: SHOT_MAX_BYTES });
    await expectNoSeriousA11y(page, 'circles with a shortfall, dark');

    const phone = await h.newContext({ ...PHONE, colorScheme: 'light' });
    await signUpInContext(phone, { name: 'Cy Phone', email: 'cy@example.com' });
    await apiPost(phone, '/demo', {});
    const small = await phone.newPage();
    await small.goto('/circles');
    await small.getByRole('region', { name: 'Capacity' }).waitFor();
    expect(await sidewaysOverflow(small)).toBeLessThanOrEqual(0);
    await shot(small, 'circles-phone.png', { maxBytes: SHOT_MAX_BYTES });
    await small.goto('/dashboard');
    await small.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await small.locator('svg.recharts-surface').first().waitFor();
    await shot(small, 'dashboard-phone.png', { maxBytes: SHOT_MAX_BYTES });
    expect(h.errors).toEqual([]);
  });
});
