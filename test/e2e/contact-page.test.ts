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

/** month/day of the day `days` from now in the browser's zone (London in these tests). */
function dayAhead(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    month: 'numeric',
    day: 'numeric',
  })
    .formatToParts(d)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  return { month: Number(parts.month), day: Number(parts.day) };
}
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('the contact page as the one place for a person', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds a birthday on the contact page and Today names it; facts, tasks and relationships too', async () => {
    const context = await h.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/London',
    });
    await signUpInContext(context);
    const grace = (await apiPost(context, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'US Navy',
    })) as {
      id: string;
    };
    await apiPost(context, '/contacts', { firstName: 'Alan', lastName: 'Turing' });
    const page = await context.newPage();
    await page.goto(`/contacts/${grace.id}`);
    const dates = page.getByRole('region', { name: 'Important dates' });
    await dates.getByText('No birthday or anniversary yet.').waitFor();

    // Keyboard only: Tab to "Add date", Enter, fill the form, Enter saves.
    await dates.getByRole('button', { name: 'Add date' }).focus();
    await page.keyboard.press('Enter');
    const { month, day } = dayAhead(3);
    await dates.getByRole('combobox', { name: 'Month' }).click();
    await page.getByRole('option', { name: MONTHS[month - 1], exact: true }).click();
    await dates.getByRole('textbox', { name: 'Day', exact: true }).fill(String(day));
    await dates.getByRole('textbox', { name: 'Day', exact: true }).press('Enter');
    await dates.getByText(`${day} ${MONTHS[month - 1]}`).waitFor();
    await dates.getByText("7 days' notice").waitFor();
    // The row shows before the server answers (optimistic); the form closes only once it has.
    await dates.getByRole('textbox', { name: 'Day', exact: true }).waitFor({ state: 'detached' });
    const stored: { items: { kind: string; month: number; day: number; year: number | null }[] } = await (
      await context.request.get(`/api/v1/contacts/${grace.id}/dates`)
    ).json();
    expect(stored.items).toMatchObject([{ kind: 'birthday', month, day, year: null }]);

    // A pinned fact, a task with a due date, and a relationship that shows on both pages.
    const facts = page.getByRole('region', { name: 'Facts' });
    await facts.getByRole('button', { name: 'Add fact' }).click();
    await facts.getByRole('textbox', { name: 'Fact' }).fill('Keeps a clock that runs backwards');
    await facts.getByRole('button', { name: 'Save' }).click();
    await facts.getByText('Keeps a clock that runs backwards').waitFor();
    await facts.getByRole('button', { name: /^Pin fact/ }).click();
    await facts.getByText('Pinned').waitFor();
    // Edited in place: the form opens with the row's text, Save puts the new one in its place.
    await facts.getByRole('button', { name: /^Edit fact/ }).click();
    await facts.getByRole('textbox', { name: 'Fact' }).fill('Keeps two clocks that run backwards');
    await facts.getByRole('button', { name: 'Save' }).click();
    await facts.getByText('Keeps two clocks that run backwards').waitFor();
    // A note: added, pinned, edited, all in place.
    const notes = page.getByRole('region', { name: 'Notes' });
    // The rows, not the form: a textarea's text would match too while the save is in flight.
    const noteRows = notes.getByRole('list', { name: 'Notes' });
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByRole('textbox', { name: 'Note' }).fill('Met at the Harvard Mark I demo');
    await notes.getByRole('button', { name: 'Save' }).click();
    await noteRows.getByText('Met at the Harvard Mark I demo').waitFor();
    await notes.getByRole('button', { name: 'Pin note 1' }).click();
    await noteRows.getByText('Pinned').waitFor();
    await notes.getByRole('button', { name: 'Edit note 1' }).click();
    await notes.getByRole('textbox', { name: 'Note' }).fill('Met at the Harvard Mark II demo');
    await notes.getByRole('button', { name: 'Save' }).click();
    await noteRows.getByText('Met at the Harvard Mark II demo').waitFor();
    // The edit shows before the server answers (optimistic), so the stored note is polled.
    const savedNotes = async () =>
      (
        (await (await context.request.get(`/api/v1/contacts/${grace.id}/notes`)).json()) as {
          items: { body: string; pinned: boolean }[];
        }
      ).items;
    await expect.poll(savedNotes).toMatchObject([{ body: 'Met at the Harvard Mark II demo', pinned: true }]);
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await tasks.getByRole('button', { name: 'Add task' }).click();
    await tasks.getByRole('textbox', { name: 'Task' }).fill('Send her the COBOL paper');
    await tasks.getByRole('button', { name: 'Save' }).click();
    await tasks.getByText('Send her the COBOL paper').waitFor();
    const related = page.getByRole('region', { name: 'Relationships' });
    await related.getByRole('button', { name: 'Link person' }).click();
    await related.getByRole('combobox', { name: 'Person' }).fill('Alan');
    await page.getByRole('option', { name: 'Alan Turing' }).click();
    await related.getByRole('combobox', { name: 'They are…' }).click();
    await page.getByRole('option', { name: 'Colleague' }).click();
    await related.getByRole('button', { name: 'Save' }).click();
    await related.getByRole('link', { name: 'Alan Turing' }).waitFor();

    await expectNoSeriousA11y(page, 'contact page, light');
    await shot(page, 'contact-page-light.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    // Mantine follows the system scheme through a media-query listener, a moment later.
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
    await expectNoSeriousA11y(page, 'contact page, dark');
    await shot(page, 'contact-page-dark.png');

    // On Alan's page the same link reads from his side.
    await related.getByRole('link', { name: 'Alan Turing' }).click();
    await page
      .getByRole('region', { name: 'Relationships' })
      .getByRole('link', { name: 'Grace Hopper' })
      .waitFor();

    // Today gives the birthday as her reason, and the task with it.
    await page.goto('/today');
    const row = page
      .getByRole('list', { name: "Today's queue" })
      .locator(':scope > li[aria-label="Grace Hopper"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Birthday in 3 days');
    expect(h.errors).toEqual([]);
  });

  it('edits an interaction and takes back its delete with Undo; a delete left alone lands', async () => {
    const context = await h.newContext({ ...PHONE, timezoneId: 'Europe/London' });
    await signUpInContext(context, { email: 'mary@example.com', name: 'Mary Somerville' });
    const ada = (await apiPost(context, '/contacts', { firstName: 'Ada', lastName: 'Byron' })) as {
      id: string;
    };
    await apiPost(context, `/contacts/${ada.id}/interactions`, {
      channel: 'email',
      direction: 'outbound',
      occurredAt: '2026-11-20T10:00:00.000Z',
      summary: 'Asked about the engine',
    });
    const interactions = async () =>
      (
        (await (await context.request.get(`/api/v1/contacts/${ada.id}/interactions`)).json()) as {
          items: { summary: string }[];
        }
      ).items;
    const page = await context.newPage();
    await page.goto(`/contacts/${ada.id}`);
    const timeline = page.getByLabel('Timeline');
    await timeline.getByText('Asked about the engine').waitFor();

    await page.getByRole('button', { name: /^Edit E-?mail of/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit interaction' });
    await dialog.getByLabel('Summary').fill('Talked about the Analytical Engine notes');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await timeline.getByText('Talked about the Analytical Engine notes').waitFor();
    expect((await interactions())[0]?.summary).toBe('Talked about the Analytical Engine notes');

    await page.getByRole('button', { name: /^Delete E-?mail of/ }).click();
    await timeline.getByText('Talked about the Analytical Engine notes').waitFor({ state: 'detached' });
    await page.getByText(/deleted$/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'contact-page-phone-undo.png', { fullPage: false });
    await page.getByRole('button', { name: 'Undo' }).click();
    await timeline.getByText('Talked about the Analytical Engine notes').waitFor();
    await page.waitForTimeout(6500);
    expect(await interactions()).toHaveLength(1);

    await page.getByRole('button', { name: /^Delete E-?mail of/ }).click();
    await timeline.getByText('Talked about the Analytical Engine notes').waitFor({ state: 'detached' });
    await expect.poll(interactions, { timeout: 10_000 }).toHaveLength(0);
    await page.reload();
    await page.getByText('Nothing here yet.', { exact: false }).waitFor();
    await expectNoSeriousA11y(page, 'contact page on a phone');
    await shot(page, 'contact-page-phone.png');
    expect(h.errors).toEqual([]);
  });
});
