import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11y } from '../helpers/axe';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('the contacts list by health (F20), and a relationship edited from either page (F29)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [label, options, scheme] of [
    ['light', { viewport: { width: 1280, height: 900 } }, 'light'],
    ['dark', { viewport: { width: 1280, height: 900 } }, 'dark'],
    ['phone', PHONE, 'light'],
  ] as const) {
    it(`filters by a health bucket and by no history, and sorts weakest first (${label})`, async () => {
      const context = await h.newContext({ ...options, timezoneId: 'Europe/London', colorScheme: scheme });
      await signUpInContext(context, { email: `health-${label}@example.com` });
      const people: [string, number | null][] = [
        ['Ada Lovelace', 2],
        ['Grace Hopper', 200],
        ['Alan Turing', null],
      ];
      for (const [name, days] of people) {
        const [firstName, lastName] = name.split(' ');
        const c = (await apiPost(context, '/contacts', {
          firstName,
          lastName,
          cadence: { kind: 'monthly' },
        })) as { id: string };
        if (days !== null)
          await apiPost(context, `/contacts/${c.id}/interactions`, {
            channel: 'call',
            direction: 'outbound',
            occurredAt: ago(days),
          });
      }
      const page = await context.newPage();
      await page.goto('/contacts?sort=health');
      await page.getByText('3 contacts').waitFor();
      const names = async () =>
        (await page.getByRole(label === 'phone' ? 'listitem' : 'row').allTextContents())
          .map((t) => people.find(([n]) => t.includes(n))?.[0])
          .filter(Boolean);
      // Weakest first; the never contacted last, said as "no history", not as a score.
      await expect.poll(names).toEqual(['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
      if (label !== 'phone') await page.getByRole('cell', { name: 'no history' }).waitFor();
      await page.getByRole('button', { name: 'Filters' }).click();
      const health = page.getByRole('combobox', { name: 'Health' });
      // The filters slide open; on a phone the Health select is below the fold while they do.
      const choose = async (name: string) => {
        await health.scrollIntoViewIfNeeded();
        await expect
          .poll(async () => {
            if (!(await page.getByRole('option', { name }).isVisible())) await health.click();
            return page.getByRole('option', { name }).isVisible();
          })
          .toBe(true);
        await page.getByRole('option', { name }).click();
      };
      // On a phone the filters stack below the fold; the same filter comes from the URL there.
      if (label === 'phone') await page.goto('/contacts?sort=health&health=none');
      else await choose('No history (never contacted)');
      await page.getByText('1 contact', { exact: true }).waitFor();
      await expect.poll(names).toEqual(['Alan Turing']);
      await expect.poll(() => new URL(page.url()).searchParams.get('health')).toBe('none');
      // The bucket is in the URL, so a shared link or a reload keeps it.
      await page.goto('/contacts?sort=health&health=20-39');
      await expect.poll(names).toEqual(['Grace Hopper']);
      if (label === 'phone') expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11y(page, `contacts list filtered by health, ${label}`);
      await shot(page, `contacts-health-${label}.png`, { fullPage: false });
      expect(h.errors).toEqual([]);
    });

    it(`changes a relationship's kind from one page and both pages read it (${label})`, async () => {
      const context = await h.newContext({ ...options, timezoneId: 'Europe/London', colorScheme: scheme });
      await signUpInContext(context, { email: `rel-${label}@example.com` });
      const grace = (await apiPost(context, '/contacts', { firstName: 'Grace', lastName: 'Hopper' })) as {
        id: string;
      };
      const alan = (await apiPost(context, '/contacts', { firstName: 'Alan', lastName: 'Turing' })) as {
        id: string;
      };
      await apiPost(context, `/contacts/${grace.id}/relationships`, { kind: 'colleague', otherId: alan.id });
      const page = await context.newPage();
      await page.goto(`/contacts/${grace.id}`);
      const related = page.getByRole('region', { name: 'Relationships' });
      await related.getByRole('button', { name: 'Edit colleague Alan Turing' }).click();
      const kind = related.getByRole('combobox', { name: 'Alan Turing is…' });
      await kind.click();
      await page.getByRole('option', { name: 'Direct report (of this person)' }).click();
      await related.getByRole('textbox', { name: 'Note' }).fill('reports to her since 1952');
      await expectNoSeriousA11y(page, `relationship edit form, ${label}`);
      await shot(page, `relationship-edit-${label}.png`, { fullPage: false });
      await related.getByRole('button', { name: 'Save' }).click();
      await related.getByText('Direct report').waitFor();
      await related.getByText('reports to her since 1952').waitFor();
      // On Alan's page the same link reads from his side: Grace is his manager.
      await related.getByRole('link', { name: 'Alan Turing' }).click();
      const his = page.getByRole('region', { name: 'Relationships' });
      await his.getByRole('link', { name: 'Grace Hopper' }).waitFor();
      await his.getByText('Manager').waitFor();
      if (label === 'phone') expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11y(page, `relationship from the other side, ${label}`);
      expect(h.errors).toEqual([]);
    });
  }
});
