import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { CatchUpQuery, CreatedFeedToken, FeedToken, MeetingFormat } from '../contract/feed';
import { Invalid, NotFound } from '../core/errors';
import type { DateKind } from '../core/vocabulary';
import { type CalendarEvent, writeCalendar, writeInvitation } from '../formats/ics-writer';
import { findAccount, findUser } from '../store/accounts.repo';
import { loadChildren } from '../store/contacts.repo';
import {
  type FeedTokenRow,
  feedDates,
  feedTasks,
  findFeedTokenByHash,
  insertFeedToken,
  listFeedTokens as listRows,
  revokeFeedToken as revokeRow,
} from '../store/feed.repo';
import type { Conn } from '../store/store';
import { sha256 } from './auth.service';
import { catchUpFeedEvents } from './catch-ups.service';
import { displayName } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { holidayFeedEvents } from './holidays.feed';
import { requireContact } from './require-contact';
import { getToday } from './today.service';

/** Enough for any real task list; a calendar client re-reads the whole feed on every refresh. */
const FEED_TASK_LIMIT = 500;
const TASK_MINUTES = 30;

const toDto = (r: FeedTokenRow): FeedToken => ({ id: r.id, prefix: r.prefix, createdAt: r.created_at });

async function issue(deps: Deps, db: Conn, accountId: string): Promise<CreatedFeedToken> {
  // base64url stays inside one URL path segment without escaping.
  const token = `feed_${randomBytes(30).toString('base64url')}`;
  const row = {
    account_id: accountId,
    id: deps.newId(),
    token_hash: sha256(token),
    prefix: token.slice(0, 12),
    created_at: nowIso(deps),
    revoked_at: null,
  };
  await insertFeedToken(db, row);
  return { ...toDto(row), token, path: `/feed/${token}.ics` };
}

/** F21: a new secret feed URL; the secret is returned once and stored hashed. */
export async function createFeedToken(deps: Deps, accountId: string): Promise<CreatedFeedToken> {
  return issue(deps, deps.store.read, accountId);
}

export async function listFeedTokens(deps: Deps, accountId: string): Promise<FeedToken[]> {
  return (await listRows(deps.store.read, accountId)).map(toDto);
}

export async function revokeFeedToken(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await revokeRow(deps.store.read, accountId, id, nowIso(deps))) === 0)
    throw new NotFound('feed token not found');
}

/** Revokes a token and issues its replacement in one step, so a leaked URL can be cut off without a gap. */
export async function rotateFeedToken(deps: Deps, accountId: string, id: string): Promise<CreatedFeedToken> {
  return deps.store.transaction(async (trx) => {
    if ((await revokeRow(trx, accountId, id, nowIso(deps))) === 0) throw new NotFound('feed token not found');
    return issue(deps, trx, accountId);
  });
}

const DATE_TITLES: Record<DateKind, string> = {
  birthday: 'Birthday',
  work_anniversary: 'Work anniversary',
  personal_anniversary: 'Anniversary',
  company_milestone: 'Company milestone',
  other: 'Date',
};

const person = (first: string | null, last: string | null) => `${first ?? ''} ${last ?? ''}`.trim();

/**
 * The calendar behind a feed URL: birthdays and anniversaries (yearly, all day), open tasks at
 * their due time, and today's queue (one all-day event per contact, reasons in the description).
 * An unknown or revoked secret is NotFound, the same as a URL that never existed.
 */
export async function feedCalendar(deps: Deps, secret: string): Promise<string> {
  const token = await findFeedTokenByHash(deps.store.read, sha256(secret));
  if (!token) throw new NotFound('no such calendar feed');
  const events = await accountCalendarEvents(deps, token.account_id, { tasks: true });
  return writeCalendar({ name: 'Tend', dtstamp: deps.clock().toISOString(), events });
}

/**
 * The feed's events for one account (the CalDAV calendar serves the same, with tasks as VTODO
 * instead, so `tasks: false` leaves them out).
 */
export async function accountCalendarEvents(
  deps: Deps,
  accountId: string,
  options: { tasks: boolean },
): Promise<CalendarEvent[]> {
  const db = deps.store.read;
  const account = await findAccount(db, accountId);
  const zone = account?.time_zone ?? 'UTC';
  const now = deps.clock();
  const startOfToday = DateTime.fromJSDate(now, { zone }).startOf('day');
  const [dates, tasks, today] = await Promise.all([
    feedDates(db, accountId),
    options.tasks ? feedTasks(db, accountId, startOfToday.toUTC().toISO()!, FEED_TASK_LIMIT) : [],
    getToday(deps, accountId),
  ]);
  const events: CalendarEvent[] = [];
  for (const d of dates) {
    const title = DATE_TITLES[d.kind] ?? 'Date';
    events.push({
      kind: 'yearly',
      uid: `date-${d.id}@tend`,
      summary: `${title}: ${person(d.first_name, d.last_name)}${d.label ? ` (${d.label})` : ''}`,
      month: d.month,
      day: d.day,
      ...(d.year !== null && { year: d.year }),
    });
  }
  for (const t of tasks) {
    const who = person(t.first_name, t.last_name);
    const start = Date.parse(t.due_at);
    events.push({
      kind: 'timed',
      uid: `task-${t.id}@tend`,
      summary: who ? `${t.title} (${who})` : t.title,
      description: t.kind === 'follow_up' ? 'Follow-up' : t.kind === 'takeaway' ? 'Takeaway' : 'Task',
      start: new Date(start).toISOString(),
      end: new Date(start + TASK_MINUTES * 60_000).toISOString(),
    });
  }
  const localDate = startOfToday.toISODate()!;
  for (const item of today.items) {
    events.push({
      kind: 'day',
      // Dated UID: tomorrow's reminder for the same contact is a new event, not a moved one.
      uid: `today-${localDate}-${item.contactId}@tend`,
      summary: `Reach out to ${item.name}`,
      description: [...item.reasons.map((r) => r.text), `Channel: ${item.channel}`].join('\n'),
      date: localDate,
    });
  }
  // F15: planned catch-ups (catch-ups.service owns what goes in).
  events.push(...(await catchUpFeedEvents(deps, accountId)));
  // F9: the holidays the chosen circles' contacts keep (holidays.feed owns what goes in).
  events.push(...(await holidayFeedEvents(db, accountId, zone, now.toISOString())));
  return events;
}

const FORMAT_TITLES: Record<MeetingFormat, string> = {
  virtual_coffee: 'Virtual coffee',
  lunch: 'Lunch',
  walk: 'Walk',
  conference: 'Meet at the conference',
};

/** F15: a one-event invitation (.ics) for a catch-up, the user organising and the contact invited. */
export async function catchUpInvitation(
  deps: Deps,
  who: { accountId: string; userId: string },
  contactId: string,
  q: CatchUpQuery,
): Promise<{ filename: string; body: string }> {
  const db = deps.store.read;
  const contact = await requireContact(db, who.accountId, contactId);
  const [user, children, account] = await Promise.all([
    findUser(db, who.accountId, who.userId),
    loadChildren(db, who.accountId, [contactId]),
    findAccount(db, who.accountId),
  ]);
  if (!user) throw new NotFound('user not found');
  const email = children.get(contactId)?.emails[0]?.value;
  if (!email) throw new Invalid('the contact has no e-mail address to invite', 'contactId');
  const name = displayName(contact);
  const startMs = q.start
    ? Date.parse(q.start)
    : DateTime.fromJSDate(deps.clock(), { zone: account?.time_zone ?? 'UTC' })
        .plus({ days: 1 })
        .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
        .toMillis();
  const start = new Date(startMs).toISOString();
  const theirTime = contact.time_zone
    ? `\nTheir local time: ${DateTime.fromMillis(startMs, { zone: contact.time_zone }).toFormat('ccc d LLL, HH:mm')} (${contact.time_zone}).`
    : '';
  const body = writeInvitation({
    event: {
      uid: `catch-up-${deps.newId()}@tend`,
      summary: `${FORMAT_TITLES[q.format]}: ${user.name} & ${name}`,
      description: `Catch-up with ${name}, ${q.minutes} minutes.${theirTime}`,
      start,
      end: new Date(startMs + q.minutes * 60_000).toISOString(),
      ...(q.format === 'virtual_coffee' && { location: 'Video call' }),
    },
    dtstamp: nowIso(deps),
    organizer: { email: user.email, name: user.name },
    attendees: [{ email, name }],
  });
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'contact';
  return { filename: `catch-up-${slug}.ics`, body };
}
