import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../fixtures/imports/fixture';
import { axeSeriousAllRules } from '../helpers/axe';
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

/** LinkedIn's Connections.csv as it downloads: BOM, the "Notes:" preamble, CRLF line ends. */
const CONNECTIONS = [
  '\uFEFFNotes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.com,Analytical Engines,Chief Mathematician,12 Mar 2024',
  'Grace,Hopper,https://www.linkedin.com/in/gracehopper,grace@navy.example,Remington Rand,Director of Automatic Programming,01 Feb 2023',
  'Alan,Turing,https://www.linkedin.com/in/alan-turing,alan@example.com,Bletchley Park,Cryptanalyst,23 Jun 2019',
  'Katherine,Johnson,https://www.linkedin.com/in/kjohnson,,NASA,"Mathematician, Flight Research",05 May 2020',
  ',NoFirst,https://www.linkedin.com/in/nofirst,,Hidden,Nobody,01 Jan 2021',
  '',
].join('\r\n');
const GRACE_LINE = 6;

/** Console noise the flows cause on purpose: refused files and restores answer 400 and 409. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/status of (400|409)/.test(e));
}

async function upload(page: Page, name: string, text: string | Buffer) {
  await page.getByLabel('File to import').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
  });
}

/**
 * Serious and critical axe-core findings inside `selector`, one per node. Scoped to the part this
 * test is about (the app shell's search button label belongs to the shell's owner). Colour contrast
 * is left out: Mantine's light badges, the teal primary button and orange alert titles fall short of
 * 4.5:1 across the whole app, a theme change for its owner (reported with issue 13); the import
 * page's own secondary text uses .tend-quiet, which passes.
 */
describe('import web app', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uploads a LinkedIn export, previews it, merges the matching contact on request and commits', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/London',
    });
    await signUpInContext(context);
    await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ value: 'grace@navy.example' }],
      company: 'US Navy',
      title: 'Rear Admiral',
    });
    const page = await context.newPage();
    await page.goto('/today');
    // The first load of the bundle is slow when the shared machine is busy.
    await page.getByRole('link', { name: 'Import', exact: true }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();

    await upload(page, 'Connections.csv', CONNECTIONS);
    const progress = page.getByRole('progressbar', { name: 'Upload progress' });
    await page.waitForFunction(
      () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100',
    );
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    const size = Buffer.byteLength(CONNECTIONS);
    expect(size).toBeLessThan(1000);
    await page.getByText(`100 % · ${size} B of ${size} B`).waitFor();

    // The preview: the format read from the content, one badge per status, the rows.
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await page.getByText('LinkedIn Connections CSV').waitFor();
    const counts = page.getByLabel('Row counts');
    expect(await counts.textContent()).toBe('3 new1 merge0 conflict0 duplicate1 error');
    const table = page.getByRole('table', { name: 'Import rows' });
    await table.getByText('Katherine').waitFor();
    const changes = page.getByLabel(`Changes for line ${GRACE_LINE}`);
    await changes.getByText('company: US Navy → Remington Rand').waitFor();
    await changes.getByText('title: Rear Admiral → Director of Automatic Programming').waitFor();
    await changes.getByText('+ link https://www.linkedin.com/in/gracehopper').waitFor();
    await table.getByText('the first name is empty').waitFor();

    // The error report downloads the unreadable row.
    const report = page.getByRole('link', { name: 'Download the error report' });
    const reportCsv = await (await context.request.get((await report.getAttribute('href')) ?? '')).text();
    expect(reportCsv).toContain('the first name is empty');
    expect(reportCsv).toContain('NoFirst');

    // The status filter pages the server's rows of one status only.
    const show = page.getByRole('radiogroup', { name: 'Show rows' });
    await show.getByText('error 1', { exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('table[aria-label="Import rows"] tbody tr').length === 1,
    );
    await show.getByText('All 5', { exact: true }).click();
    await table.getByText('Katherine').waitFor();

    // Bulk default "skip" for merges, then merge this one row anyway.
    await page
      .getByRole('radiogroup', { name: 'Rows that would change a contact' })
      .getByText('Skip')
      .click();
    const graceAction = page.getByLabel(`Action for line ${GRACE_LINE}`);
    expect(await graceAction.inputValue()).toBe('skip');
    await graceAction.selectOption('merge');
    await shot(page, 'import.png', { docs: 'import.png', maxBytes: SHOT_MAX_BYTES });

    await page.getByRole('button', { name: 'Commit import' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    const result = page.getByLabel('Import result');
    await result.getByText('3 contacts created').waitFor();
    await result.getByText('1 existing contacts updated').waitFor();
    await result.getByText('0 rows skipped').waitFor();
    await page.getByText('1 new role', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Open contacts' }).click();
    const list = page.getByRole('table', { name: 'Contacts' });
    for (const name of ['Ada Lovelace', 'Alan Turing', 'Katherine Johnson', 'Grace Hopper'])
      await list.getByText(name).waitFor();
    expect(await list.getByText('Grace Hopper').count()).toBe(1);
    await list.getByText('Grace Hopper').click();
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
    await page.getByText('Director of Automatic Programming @ Remington Rand').waitFor();

    expect(unexpected(h.errors)).toEqual([]);
  });

  it('previews a shared family phone and a shared inbox as conflicts: reason, filter, created by default', async () => {
    for (const look of [
      { name: 'import-conflict.png', options: { viewport: { width: 1280, height: 900 } } },
      {
        name: 'import-conflict-dark.png',
        options: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
      },
      { name: 'import-conflict-phone.png', options: { ...PHONE } },
    ]) {
      const context = await h.newContext({ ...look.options, timezoneId: 'America/New_York' });
      await signUpInContext(context, {
        name: 'Ife Okafor',
        email: `${look.name.replace('.png', '')}@example.com`,
        timeZone: 'America/New_York',
      });
      const page = await context.newPage();
      await page.goto('/import');
      await page.getByRole('heading', { name: 'Import contacts' }).waitFor({ timeout: 30_000 });
      await upload(page, 'contacts.csv', fixtureBytes('google-shared-phone.csv'));
      await page.getByRole('heading', { name: 'Preview' }).waitFor();
      expect(await page.getByLabel('Row counts').textContent()).toBe(
        '2 new1 merge2 conflict0 duplicate0 error',
      );
      await page.getByText('2 rows match a contact that may be someone else').waitFor();
      await page
        .getByText(/^Same phone, different e-mail and name \(tomas\.okafor/)
        .first()
        .waitFor();
      const desktop = look.name !== 'import-conflict-phone.png';
      if (desktop) {
        await page
          .getByRole('radiogroup', { name: 'Show rows' })
          .getByText('conflict 2', { exact: true })
          .click();
        await page.waitForFunction(
          () => document.querySelectorAll('table[aria-label="Import rows"] tbody tr').length === 2,
        );
        expect(await page.getByLabel('Action for line 3').inputValue()).toBe('create');
      } else {
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      }
      await shot(page, look.name);
      expect(await axeSeriousAllRules(page, '#preview')).toEqual([]);
      if (look.name === 'import-conflict.png') {
        await page.getByRole('button', { name: 'Commit import' }).click();
        await page.getByLabel('Import result').getByText('4 contacts created').waitFor();
      }
      await context.close();
    }
    expect(unexpected(h.errors)).toEqual([]);
  });

  it('a spreadsheet of any layout: the mapping step in light, dark and on a phone, a changed column re-reads the file', async () => {
    // "Kontakt" is no header Tend knows: its values make it the e-mail column.
    const sheet =
      '\uFEFFName;Kontakt;Geburtstag;Notiz\r\nGrace Hopper;grace@navy.example;09.12.1906;Admiral\r\nMira Falk;mira@example.com;gestern;\r\n';
    for (const look of [
      { name: 'import-mapping.png', options: { viewport: { width: 1280, height: 900 } } },
      {
        name: 'import-mapping-dark.png',
        options: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
      },
      { name: 'import-mapping-phone.png', options: { ...PHONE } },
    ]) {
      const context = await h.newContext(look.options);
      await signUpInContext(context, {
        name: 'Uma Roth',
        email: `${look.name.replace('.png', '')}@example.com`,
      });
      await apiPost(context, '/contacts', {
        firstName: 'Grace',
        lastName: 'Hopper',
        emails: [{ value: 'grace@navy.example' }],
      });
      const page = await context.newPage();
      await page.goto('/import');
      await page.getByRole('heading', { name: 'Import contacts' }).waitFor({ timeout: 30_000 });
      await upload(page, 'adressen.csv', sheet);
      await page.getByRole('heading', { name: 'Preview' }).waitFor();
      await page.getByText('CSV with mapped columns').waitFor();
      await page.getByRole('heading', { name: 'Columns' }).waitFor();
      expect(await page.getByLabel('Row counts').textContent()).toBe(
        '1 new1 merge0 conflict0 duplicate0 error',
      );
      const kontakt = page.getByLabel('Kontakt');
      expect(await kontakt.inputValue()).toBe('email');
      await page.getByText('e.g. grace@navy.example').waitFor();
      await page
        .getByText(
          "column 'Geburtstag' mapped to birthday: 1 row has unreadable dates, they import without it",
        )
        .waitFor();
      if (look.name !== 'import-mapping-phone.png') {
        await shot(page, look.name);
        expect(await axeSeriousAllRules(page, '#preview')).toEqual([]);
      }
      // The select is a native one: reachable and changed from the keyboard.
      await kontakt.focus();
      await kontakt.selectOption('ignore');
      await page.getByRole('button', { name: 'Read again with these columns' }).press('Enter');
      await page.waitForFunction(
        () =>
          document.querySelector('[aria-label="Row counts"]')?.textContent ===
          '2 new0 merge0 conflict0 duplicate0 error',
      );
      expect(await page.getByLabel('Kontakt').inputValue()).toBe('ignore');
      if (look.name === 'import-mapping-phone.png') {
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await shot(page, look.name);
        expect(await axeSeriousAllRules(page, '#preview')).toEqual([]);
      }
      await context.close();
    }
    expect(unexpected(h.errors)).toEqual([]);
  });

  it('on a dark phone: a refused file says why, the preview fits, and discard leaves nothing', async () => {
    const context = await h.newContext({ ...PHONE, colorScheme: 'dark' });
    await signUpInContext(context, MARY);
    const page = await context.newPage();
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor({ timeout: 30_000 });

    await upload(page, 'notes.csv', 'just,some,columns\n1,2,3\n');
    const refusal = page.getByRole('alert').filter({ hasText: 'Could not import notes.csv' });
    await refusal.waitFor();
    expect((await refusal.textContent())?.length).toBeGreaterThan('Could not import notes.csv'.length + 10);

    await upload(page, 'Connections.csv', CONNECTIONS);
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    expect(await page.getByLabel('Row counts').textContent()).toBe(
      '4 new0 merge0 conflict0 duplicate1 error',
    );
    const cards = page.getByRole('list', { name: 'Import rows' });
    await cards.getByText('Katherine').waitFor();
    expect(await cards.getByRole('listitem').count()).toBe(5);
    await page.getByLabel('Show rows').selectOption('error');
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Import rows"] [role="listitem"]').length === 1,
    );
    await cards.getByText('the first name is empty').waitFor();
    await page.getByLabel('Show rows').selectOption('all');
    await cards.getByText('Katherine').waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'import-dark-phone.png');

    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('button', { name: 'Choose a file' }).waitFor();
    const contacts: { items: unknown[] } = await (await context.request.get('/api/v1/contacts')).json();
    expect(contacts.items).toEqual([]);

    // The other new screens fit the phone too.
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Create feed address' }).click();
    await page.getByLabel('Feed URL').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'settings-dark-phone-feeds.png');
    await page.goto('/updates');
    await page.getByRole('button', { name: 'Preview copies' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    expect(unexpected(h.errors)).toEqual([]);
  });

  it('settings: calendar feeds, exports, a refused restore, the digest; an update handed out as drafts', async () => {
    const context = await h.newContext({ viewport: { width: 1280, height: 900 } });
    await signUpInContext(context, { name: 'Caroline Herschel', email: 'caroline@example.com' });
    for (const [firstName, email] of [
      ['William', 'william@example.com'],
      ['Maria', 'maria@example.com'],
      ['Jocelyn', undefined],
    ] as const)
      await apiPost(context, '/contacts', {
        firstName,
        lastName: 'Astronomer',
        tags: ['astronomers'],
        ...(email && { emails: [{ value: email }] }),
      });
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor({ timeout: 30_000 });

    // Calendar: the feed URL is shown once and serves iCalendar; rotating retires the old one.
    await page.getByRole('button', { name: 'Create feed address' }).click();
    const feedUrl = (await page.getByLabel('Feed URL').textContent()) ?? '';
    expect(feedUrl).toMatch(new RegExp(`^${h.baseUrl}/feed/[A-Za-z0-9_-]+\\.ics$`));
    await page.getByText('Subscribe from Google Calendar: Other calendars → From URL').waitFor();
    const feed = await context.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    const feeds = page.getByRole('table', { name: 'Calendar feeds' });
    await feeds.getByRole('button', { name: /^Rotate feed / }).click();
    await page.waitForFunction(
      (old) => document.querySelector('[aria-label="Feed URL"]')?.textContent !== old,
      feedUrl,
    );
    const rotated = (await page.getByLabel('Feed URL').textContent()) ?? '';
    expect((await context.request.get(rotated)).status()).toBe(200);
    expect((await context.request.get(feedUrl)).status()).not.toBe(200);
    await feeds.getByRole('button', { name: /^Revoke feed / }).click();
    await page.getByRole('dialog', { name: 'Revoke feed?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No feed addresses yet.').waitFor();
    expect((await context.request.get(rotated)).status()).not.toBe(200);

    // Export links download what they say.
    const vcard3 = page.getByRole('link', { name: 'vCard 3.0' });
    const vcf = await (await context.request.get((await vcard3.getAttribute('href')) ?? '')).text();
    expect(vcf).toContain('VERSION:3.0');
    expect(vcf).toContain('William');
    const backupHref =
      (await page.getByRole('link', { name: 'Full JSON backup' }).getAttribute('href')) ?? '';
    const backup = await (await context.request.get(backupHref)).body();

    // Restoring into an account that has contacts is refused, and the page says why.
    await page.getByLabel('Backup file').setInputFiles({
      name: 'tend-backup.json',
      mimeType: 'application/json',
      buffer: backup,
    });
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was restored' });
    await refused.getByText(/restore needs an empty account/).waitFor();

    // The digest: on, to its own address.
    await page.getByLabel('Send me the daily digest').check();
    await page.getByLabel('Digest address').fill('digest@example.com');
    await page.getByRole('button', { name: 'Save e-mail settings' }).click();
    await page.getByText('E-mail settings saved').waitFor();
    const digest: { digestEnabled: boolean; digestEmail: string } = await (
      await context.request.get('/api/v1/digest/settings')
    ).json();
    expect(digest).toMatchObject({ digestEnabled: true, digestEmail: 'digest@example.com' });
    await page.getByText('Nothing sent yet.').waitFor();
    await shot(page, 'settings-import.png');

    // Updates: due (none sent yet), composed for a tag, checked per person, handed out as drafts.
    await page.getByRole('link', { name: 'Updates', exact: true }).click();
    await page.getByText('An update is due').waitFor();
    await page.getByLabel('Subject').fill('News from the observatory');
    await page.getByLabel('Message').fill('Hi {{firstName}},\n\nWe found a comet.');
    await page.getByRole('radiogroup', { name: 'Send to' }).getByText('A tag').click();
    await page.getByLabel('Tag', { exact: true }).fill('astronomers');
    await page.getByRole('button', { name: 'Preview copies' }).click();
    await page.getByText('2 with an e-mail address; 1 without one will be skipped.').waitFor();
    await page.getByRole('button', { name: /William Astronomer/ }).click();
    await page.getByText('Hi William,').waitFor();
    await page.getByRole('button', { name: 'Make drafts instead' }).click();
    const drafts = page.getByRole('list', { name: 'Drafts' });
    const links = drafts.getByRole('link');
    await links.first().waitFor();
    expect(await links.count()).toBe(2);
    expect(await links.first().getAttribute('href')).toMatch(/^mailto:/);
    await page.getByRole('button', { name: 'Write another' }).click();
    await page.getByRole('table', { name: 'Updates' }).getByText('News from the observatory').waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes('An update is due'));

    // By SMTP the copies queue in the outbox, where each can be retried.
    await page.getByLabel('Subject').fill('More news');
    await page.getByLabel('Message').fill('Dear {{firstName}}, a second comet.');
    await page.getByRole('radiogroup', { name: 'Send to' }).getByText('A tag').click();
    await page.getByLabel('Tag', { exact: true }).fill('astronomers');
    await page.getByRole('button', { name: 'Preview copies' }).click();
    await page.getByRole('button', { name: 'Send by e-mail' }).click();
    await page.getByText('2 copies queued').waitFor();
    await page.getByRole('link', { name: 'Settings → Outbox' }).click();
    const outbox = page.getByRole('table', { name: 'Outbox' });
    await outbox.getByText('update to maria@example.com').waitFor();
    expect(await outbox.getByText('pending').count()).toBe(2);
    const retried = page.waitForResponse((r) => /\/outbox\/[^/]+\/retry$/.test(r.url()));
    await outbox.getByRole('button', { name: 'Retry More news to maria@example.com' }).click();
    expect((await retried).status()).toBe(200);

    expect(unexpected(h.errors)).toEqual([]);
  });
});
