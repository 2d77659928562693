import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11y } from '../helpers/axe';
import {
  apiPost,
  type BrowserHarness,
  PHONE,
  RESULTS_DIR,
  SHOT_MAX_BYTES,
  shot,
  sidewaysOverflow,
  signUpInContext,
  startBrowserHarness,
} from '../helpers/browser';
import { calendar, type IcsServer, startIcsServer } from '../helpers/ics-server';

const HOUR = 3_600_000;
const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const withGrace = [
  'ORGANIZER;CN=Grace Hopper:mailto:grace@navy.example',
  'ATTENDEE;PARTSTAT=ACCEPTED:mailto:ada@example.com',
];

describe('calendar capture in the web app', () => {
  let h: BrowserHarness;
  let server: IcsServer;
  beforeAll(async () => {
    h = await startBrowserHarness();
    server = await startIcsServer({ user: 'mary', password: 'right' });
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    server.serve(
      calendar([
        [
          'UID:past@e2e',
          `DTSTART:${stamp(hour - 50 * HOUR)}`,
          'DURATION:PT1H',
          'SUMMARY:Compiler review',
          ...withGrace,
        ],
        [
          'UID:soon@e2e',
          `DTSTART:${stamp(hour + 20 * HOUR)}`,
          'DURATION:PT1H',
          'SUMMARY:Planning',
          ...withGrace,
        ],
      ]),
    );
  });
  afterAll(async () => {
    await h?.close();
    await server?.stop();
  });

  it('adds a calendar address, shows its status, and tomorrow’s meeting on Today', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await signUpInContext(context);
    await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'grace@navy.example' }],
    });
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Kind of source' }).getByText('Calendar').click();
    const form = page.getByRole('form', { name: 'Add a calendar' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Work calendar');
    await form.getByRole('textbox', { name: 'Address' }).fill(`${server.url}/calendar.ics`);
    await form.getByRole('textbox', { name: 'User (CalDAV only)' }).fill('mary');
    await form.getByLabel('App password (CalDAV only)').fill('right');
    await shot(page, 'capture-calendar-form.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    await expectNoSeriousA11y(page, 'calendar form, light', 'section[aria-label="Sources"]');
    await form.getByRole('button', { name: 'Add calendar' }).click();
    const row = page.getByRole('row', { name: /Work calendar/ });
    await row.getByText('up to date').waitFor({ timeout: 30_000 });
    await expect.poll(async () => row.innerText()).toMatch(/2 \/ 1 \/ 1/);
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'capture-calendar-sources.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    await expectNoSeriousA11y(page, 'sources with a calendar, light', 'section[aria-label="Sources"]');

    await page.goto('/today');
    await page
      .getByText(/Meeting (today|tomorrow) at \d\d:\d\d — read the brief/)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, 'capture-calendar-today.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    expect(h.errors).toEqual([]);
  });

  it('fits a phone in dark mode: a file upload, and a wrong password in words', async () => {
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary' });
    const source = (await apiPost(context, '/sources', {
      kind: 'ics',
      name: 'Shared calendar',
      url: `${server.url}/calendar.ics`,
      user: 'mary',
      password: 'wrong',
    })) as { id: string };
    await context.request.post(`/api/v1/sources/${source.id}/sync`, { headers: { 'x-tend-csrf': '1' } });
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByText(/authentication failed: the server says 401/).waitFor({ timeout: 30_000 });
    await page.getByRole('radiogroup', { name: 'Kind of source' }).getByText('Calendar').click();
    const form = page.getByRole('form', { name: 'Add a calendar' });
    await form.getByRole('radiogroup', { name: 'Calendar from' }).getByText('.ics file').click();
    const file = join(RESULTS_DIR, 'e2e-calendar.ics');
    writeFileSync(
      file,
      calendar([['UID:file@e2e', 'DTSTART:20260301T100000Z', 'SUMMARY:Old', ...withGrace]]),
    );
    await form.locator('input[type="file"]').setInputFiles(file);
    await form.getByText('e2e-calendar.ics').waitFor();
    await form.getByRole('button', { name: 'Add calendar' }).click();
    await page
      .getByRole('row', { name: /e2e-calendar\.ics/ })
      .getByText('up to date')
      .waitFor({ timeout: 30_000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('row', { name: /Shared calendar/ }).scrollIntoViewIfNeeded();
    await shot(page, 'capture-calendar-dark-phone.png', { fullPage: false, maxBytes: SHOT_MAX_BYTES });
    await expectNoSeriousA11y(page, 'sources with calendars, dark phone', 'section[aria-label="Sources"]');
    expect(h.errors.filter((e) => !/status of 502/.test(e))).toEqual([]);
  });
});
