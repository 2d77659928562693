import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailtoBody } from '../../web/src/features/drafts/relink';
import {
  apiPost,
  type BrowserHarness,
  MARY,
  PHONE,
  SHOT_MAX_BYTES,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';

const GOOD_BODY =
  'Hi Grace,\n\nCongratulations on the promotion to Rear Admiral! The Navy is lucky to have you.\n\nBest,\nAda';

/** This page's pictures show the viewport only, and each must stay small enough for the README. */
const viewportShot = (page: Page, name: string, docs?: string) =>
  shot(page, name, { fullPage: false, docs, maxBytes: SHOT_MAX_BYTES });

async function patchSettings(context: BrowserContext, data: object) {
  const res = await context.request.patch('/api/v1/me/settings', { data, headers: { 'x-tend-csrf': '1' } });
  expect(res.status(), await res.text()).toBe(200);
}

describe('Today page', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('works the queue from the keyboard: brief, a linted congratulation opened in mail, then done', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 860 },
      timezoneId: 'Europe/London',
    });
    await signUpInContext(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    // An empty account gets the first-run guide, not "up to date" or "an update is due".
    await page.getByRole('heading', { name: /Welcome to Tend/ }).waitFor();
    expect(await page.getByText('Nothing due today').count()).toBe(0);
    expect(await page.getByText('An update is due').count()).toBe(0);

    // A demo network, plus Grace with fresh news and a task due, so a life event heads her item.
    await apiPost(context, '/demo', {});
    const grace = (await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      title: 'Rear Admiral',
      company: 'US Navy',
      emails: [{ value: 'grace@example.com' }],
      timeZone: 'America/New_York',
    })) as { id: string };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await apiPost(context, `/contacts/${grace.id}/life-events`, {
      kind: 'promotion',
      title: 'Promoted to Rear Admiral',
      occurredOn: yesterday,
    });
    await apiPost(context, '/tasks', { title: 'Send her the COBOL paper', contactId: grace.id });
    await patchSettings(context, { dailySize: 25 });
    await page.reload();
    // No personal update sent yet (F16): with people in it, Today says so and links to Updates.
    await page.getByText('An update is due').waitFor();
    expect(await page.getByRole('link', { name: 'Write one' }).getAttribute('href')).toBe('/updates');

    const queue = page.getByRole('list', { name: "Today's queue" });
    const rows = queue.locator(':scope > li');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    // Reasons in words, not codes.
    expect(await queue.textContent()).toMatch(/Overdue by \d+ days? for your/);
    expect(await queue.textContent()).not.toMatch(/cadence_overdue|life_event/);

    // j, j, k: the selection moves and stays visible.
    const current = queue.locator(':scope > li[aria-current="true"]');
    const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(await current.getAttribute('aria-label')).toBe(names[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await current.getAttribute('aria-label')).toBe(names[2]);
    await page.keyboard.press('k');
    expect(await current.getAttribute('aria-label')).toBe(names[1]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(names[1]);

    // On to Grace, whose headline is her news.
    const at = names.indexOf('Grace Hopper');
    expect(at, names.join(', ')).toBeGreaterThanOrEqual(0);
    const graceRow = queue.locator(':scope > li[aria-label="Grace Hopper"]');
    expect(await graceRow.textContent()).toMatch(/Promoted/);
    expect(await graceRow.textContent()).toContain('Task due: Send her the COBOL paper');
    for (let i = 1; i !== at; i += at > 1 ? 1 : -1) await page.keyboard.press(at > 1 ? 'j' : 'k');
    expect(await current.getAttribute('aria-label')).toBe('Grace Hopper');
    await page.keyboard.press('Enter');

    const panel = page.getByRole('dialog', { name: 'Grace Hopper' });
    await panel.getByText('Before you reach out').waitFor();
    await panel.getByText('Promoted to Rear Admiral').first().waitFor();
    await panel.getByText('Send her the COBOL paper').first().waitFor();
    expect(await panel.getByRole('combobox', { name: 'Occasion' }).inputValue()).toBe('Congratulate');
    const message = panel.getByLabel('Message');
    await page.waitForFunction(() => {
      const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label], textarea');
      return !!box && box.value.length > 0;
    });
    expect((await message.inputValue()).toLowerCase()).toContain('congrat');

    // A pleasantry alone is an error; a real message clears it.
    await message.fill('just checking in');
    const pleasantry = panel.getByText(/only a pleasantry/);
    await pleasantry.waitFor();
    expect(await panel.locator('[data-severity="error"]').count()).toBeGreaterThan(0);
    await message.fill(GOOD_BODY);
    await pleasantry.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => !document.querySelector('[data-severity="error"]'));

    // "Open in mail" is a real mailto: link carrying the edited text; Tend sends nothing itself.
    const mail = panel.getByRole('link', { name: 'Open in mail' });
    const href = (await mail.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:grace@example.com?subject=')).toBe(true);
    expect(mailtoBody(href)).toBe(GOOD_BODY);
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
    await panel.getByRole('button', { name: 'Mark done & log' }).waitFor();
    expect(navigations).toEqual([]);
    await viewportShot(page, 'today-panel.png');

    // d → done: the modal offers logging or just marking done; she leaves the list at once.
    await page.keyboard.press('d');
    const done = page.getByRole('dialog', { name: 'Done with Grace Hopper' });
    await done.getByRole('button', { name: 'Just mark done' }).click();
    await graceRow.waitFor({ state: 'detached' });
    await page.getByText('Done: Grace Hopper').waitFor();
    const after: { items: { contactId: string }[] } = await (
      await context.request.get('/api/v1/today')
    ).json();
    expect(after.items.map((i) => i.contactId)).not.toContain(grace.id);

    // `?` lists the shortcuts; typing in a field never triggers them.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
    await rows.first().focus();
    await page.keyboard.press('s');
    const snooze = page.getByRole('dialog', { name: /^Snooze / });
    const date = snooze.getByLabel('Or until');
    await date.focus();
    await page.keyboard.press('j');
    expect(await current.getAttribute('aria-label')).toBe(await rows.first().getAttribute('aria-label'));
    const snoozed = (await rows.first().getAttribute('aria-label')) ?? '';
    await snooze.getByRole('button', { name: 'Next week' }).click();
    await queue.locator(`:scope > li[aria-label="${snoozed}"]`).waitFor({ state: 'detached' });

    // `l` logs an interaction with the selected contact.
    const selectedName = (await current.getAttribute('aria-label')) ?? '';
    await page.keyboard.press('l');
    const log = page.getByRole('dialog', { name: `Log interaction with ${selectedName}` });
    await log.getByLabel('Summary').waitFor();
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'hidden' });

    // The tour's picture: the list alone, once the notifications have gone.
    await page.getByText(`Snoozed: ${snoozed}`).waitFor({ state: 'hidden', timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await viewportShot(page, 'today.png', 'today.png');

    // Her contact page carries the health card: score, the four parts, the explanation.
    await page.goto(`/contacts/${grace.id}`);
    const health = page.getByRole('region', { name: 'Relationship health' });
    await health.getByText('Reciprocity').waitFor();
    expect(await health.textContent()).toMatch(/Recency\d+\/40/);
    expect(await health.textContent()).toContain('never contacted');
    expect(h.errors).toEqual([]);
  });

  it('on a phone in dark mode: the queue fits 390 px, the panel takes the screen, the budget hint shows', async () => {
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark', timezoneId: 'Europe/Paris' });
    await signUpInContext(context, MARY);
    await apiPost(context, '/demo', {});
    const page = await context.newPage();
    await page.goto('/today');
    const rows = page.getByRole('list', { name: "Today's queue" }).locator(':scope > li');
    await rows.first().waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await page.getByText(/touches a week against a budget of 15/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await viewportShot(page, 'today-dark-phone.png', 'today-dark-phone.png');

    const name = (await rows.first().getAttribute('aria-label')) ?? '';
    await rows.first().getByText(name, { exact: true }).click();
    const panel = page.getByRole('dialog', { name });
    await panel.getByText('Before you reach out').waitFor();
    await panel.getByLabel('Message').waitFor();
    const width = await panel.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(389);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await viewportShot(page, 'today-panel-dark-phone.png');
    expect(h.errors).toEqual([]);
  });
});
