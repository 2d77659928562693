import { type Command, InvalidArgumentError, Option } from 'commander';
import { CONTACT_SORTS, Contact, ContactPage, type ContactSort } from '../contract/contacts';
import { Timeline, type TimelineEntry } from '../contract/timeline';
import { circleNames, resolveCircleId } from './circles';
import { type ContactOptions, contactFlags, createBody, patchBody } from './contact-options';
import { resolveContactId } from './contact-ref';
import { contactDetails, contactTable, timelineLines } from './contact-views';
import { terminalWidth } from './format';
import type { Api } from './transport';
import { CliError, call, query, send, type Transport } from './transport';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new InvalidArgumentError('must be a whole number from 1 to 500');
  return n;
}

interface ListOptions {
  q?: string;
  circle?: string;
  tag?: string;
  company?: string;
  city?: string;
  country?: string;
  sort?: ContactSort;
  limit?: number;
  all?: boolean;
  json?: boolean;
}

/** One page, or every page when `all` (following nextCursor). */
async function fetchContacts(t: Transport, o: ListOptions): Promise<ContactPage> {
  const circleId = (await resolveCircleId(t, o.circle)) ?? undefined;
  const filter = {
    q: o.q,
    circleId,
    tag: o.tag,
    company: o.company,
    city: o.city,
    country: o.country,
    sort: o.sort,
  };
  const items: Contact[] = [];
  let cursor: string | undefined;
  for (;;) {
    const limit = o.limit ?? (o.all ? 500 : 50);
    const page = await call(t, 'GET', `/api/v1/contacts${query({ ...filter, limit, cursor })}`, ContactPage);
    if (!o.all) return page;
    items.push(...page.items);
    if (!page.nextCursor) return { items, nextCursor: null, total: page.total };
    cursor = page.nextCursor;
  }
}

/** Prints a page as JSON or as the contacts table, with a hint on stderr when more pages exist. */
export async function printContacts(t: Transport, o: ListOptions): Promise<void> {
  const page = await fetchContacts(t, o);
  if (o.json) return console.log(JSON.stringify(page, null, 2));
  console.log(contactTable(page.items, await circleNames(t), terminalWidth()));
  if (page.nextCursor) console.error(`(first ${page.items.length} shown; --all for every contact)`);
}

/** The ten newest timeline entries (interactions, notes, life events). */
async function recentTimeline(t: Transport, id: string): Promise<TimelineEntry[]> {
  return (await call(t, 'GET', `/api/v1/contacts/${id}/timeline`, Timeline)).items.slice(0, 10);
}

/** `tend contacts …`: add, list, show, edit, rm. */
export function contactsCommand(program: Command, api: Api): void {
  const contacts = program.command('contacts').description('add, list, show, edit and remove contacts');

  contactFlags(contacts.command('add').description('add a contact'), true)
    .option('--json', 'print the JSON response')
    .action(async (o: ContactOptions & { first: string; json?: boolean }) => {
      const t = await api();
      const circleId = (await resolveCircleId(t, o.circle)) ?? undefined;
      const c = await call(t, 'POST', '/api/v1/contacts', Contact, createBody(o, circleId));
      console.log(o.json ? JSON.stringify(c, null, 2) : `Added ${c.displayName} (${c.id})`);
    });

  contacts
    .command('list')
    .description('list contacts as a table')
    .option('--q <text>', 'full-text search: names, companies, e-mails, notes, facts')
    .option('--circle <name-or-id>', 'only this circle')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--company <name>', 'only this company')
    .option('--city <city>', 'only this city')
    .option('--country <country>', 'only this country')
    .addOption(
      new Option(
        '--sort <order>',
        'name (A–Z), last_contact (newest first), next_due (soonest first), health (weakest first)',
      ).choices(CONTACT_SORTS),
    )
    .option('--limit <n>', 'page size (1-500, default 50)', positiveInt)
    .option('--all', 'every page, not just the first')
    .option('--json', 'print the JSON response')
    .action(async (o: ListOptions) => printContacts(await api(), o));

  contacts
    .command('show')
    .description('a contact with its recent timeline')
    .argument('<id-or-name>', 'contact id, or an exact name')
    .option('--json', 'print the JSON responses ({ contact, timeline })')
    .action(async (ref: string, o: { json?: boolean }) => {
      const t = await api();
      const id = await resolveContactId(t, ref);
      const contact = await call(t, 'GET', `/api/v1/contacts/${id}`, Contact);
      const timeline = await recentTimeline(t, id);
      if (o.json) return console.log(JSON.stringify({ contact, timeline }, null, 2));
      const circle = contact.circleId ? (await circleNames(t)).get(contact.circleId) : undefined;
      console.log(contactDetails(contact, circle));
      console.log(
        `\nRecent timeline:\n${timeline.length ? timelineLines(timeline).join('\n') : '(nothing yet)'}`,
      );
    });

  contactFlags(
    contacts.command('edit').description('change a contact (flags not given stay as they are)'),
    false,
  )
    .argument('<id-or-name>', 'contact id, or an exact name')
    .option('--json', 'print the JSON response')
    .action(async (ref: string, o: ContactOptions & { json?: boolean }) => {
      const t = await api();
      const body = patchBody(o, await resolveCircleId(t, o.circle));
      if (Object.keys(body).length === 0) throw new CliError('nothing to change: give at least one flag');
      const id = await resolveContactId(t, ref);
      const c = await call(t, 'PATCH', `/api/v1/contacts/${id}`, Contact, body);
      console.log(o.json ? JSON.stringify(c, null, 2) : `Updated ${c.displayName} (${c.id})`);
    });

  contacts
    .command('rm')
    .description('delete a contact and everything about them')
    .argument('<id>', 'contact id')
    .option('--json', 'print the JSON response')
    .action(async (id: string, o: { json?: boolean }) => {
      const t = await api();
      const c = await call(t, 'GET', `/api/v1/contacts/${encodeURIComponent(id)}`, Contact);
      await send(t, 'DELETE', `/api/v1/contacts/${c.id}`);
      console.log(o.json ? JSON.stringify({ deleted: c.id }) : `Deleted ${c.displayName} (${c.id})`);
    });
}
