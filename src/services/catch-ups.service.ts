import type {
  CatchUp,
  CatchUpCreate,
  CatchUpDone,
  CatchUpDoneResult,
  CatchUpQuery,
  SlotList,
  SlotQuery,
} from '../contract/catch-ups';
import { Conflict, NotFound } from '../core/errors';
import { safeZone } from '../core/instant';
import { type CatchUpFormat, FORMAT_RULES, suggestSlots } from '../core/slots';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../core/vocabulary';
import type { TimedEvent } from '../formats/ics-writer';
import { findAccount } from '../store/accounts.repo';
import {
  type CatchUpRow,
  type CatchUpWithName,
  findCatchUp,
  insertCatchUp,
  listCatchUps as listRows,
  settleCatchUp,
} from '../store/catch-ups.repo';
import { decodeWorkingHours } from '../store/json-columns';
import { displayName } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { logInteractionIn } from './interactions.service';
import { requireContact } from './require-contact';

const hoursOf = (json: string | null | undefined, column: string): WorkingHours =>
  decodeWorkingHours(json ?? null, column) ?? DEFAULT_WORKING_HOURS;

/** The existing invitation endpoint (feed.routes.ts) with this catch-up's time filled in. */
function invitationUrl(r: CatchUpWithName): string {
  const minutes = Math.round((Date.parse(r.end_at) - Date.parse(r.start_at)) / 60_000);
  const q = new URLSearchParams({ format: r.format, start: r.start_at, minutes: String(minutes) });
  return `/api/v1/contacts/${r.contact_id}/catch-up.ics?${q}`;
}

export function toCatchUpDto(r: CatchUpWithName): CatchUp {
  return {
    id: r.id,
    contactId: r.contact_id,
    name: displayName(r),
    format: r.format,
    startAt: r.start_at,
    endAt: r.end_at,
    status: r.status,
    note: r.note,
    interactionId: r.interaction_id,
    invitationUrl: invitationUrl(r),
    createdAt: r.created_at,
  };
}

/**
 * F15: slots in the coming days inside both people's working hours, in both zones. A contact
 * without a zone is taken to share the user's, and the answer says so (`assumedZone`).
 */
export async function contactSlots(
  deps: Deps,
  accountId: string,
  contactId: string,
  q: SlotQuery,
): Promise<SlotList> {
  const db = deps.store.read;
  const [contact, account] = await Promise.all([
    requireContact(db, accountId, contactId),
    findAccount(db, accountId),
  ]);
  const myZone = safeZone(account?.time_zone);
  // A zone Luxon does not know counts as missing, as it would in the queue.
  const assumedZone = !contact.time_zone || safeZone(contact.time_zone) !== contact.time_zone;
  const theirZone = assumedZone ? myZone : safeZone(contact.time_zone);
  const items = suggestSlots(
    nowIso(deps),
    { zone: myZone, hours: hoursOf(account?.working_hours, 'accounts.working_hours') },
    { zone: theirZone, hours: hoursOf(contact.working_hours, 'contacts.working_hours') },
    q.format,
    { days: q.days, limit: q.limit },
  );
  return { format: q.format, minutes: FORMAT_RULES[q.format].minutes, myZone, theirZone, assumedZone, items };
}

/** F15: plans a catch-up at `startAt` for the format's length; the invitation is its .ics URL. */
export async function planCatchUp(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: CatchUpCreate,
): Promise<CatchUp> {
  const db = deps.store.read;
  const contact = await requireContact(db, accountId, contactId);
  const start = Date.parse(input.startAt);
  const row: CatchUpRow = {
    account_id: accountId,
    id: deps.newId(),
    contact_id: contactId,
    format: input.format,
    start_at: new Date(start).toISOString(),
    end_at: new Date(start + FORMAT_RULES[input.format].minutes * 60_000).toISOString(),
    status: 'planned',
    note: input.note,
    interaction_id: null,
    created_at: nowIso(deps),
  };
  await insertCatchUp(db, row);
  return toCatchUpDto({ ...row, first_name: contact.first_name, last_name: contact.last_name });
}

export async function listCatchUps(deps: Deps, accountId: string, q: CatchUpQuery): Promise<CatchUp[]> {
  const rows = await listRows(deps.store.read, accountId, {
    ...(q.upcoming && { upcomingAfter: nowIso(deps) }),
    ...(q.contactId && { contactId: q.contactId }),
    limit: q.limit,
  });
  return rows.map(toCatchUpDto);
}

export async function getCatchUp(deps: Deps, accountId: string, id: string): Promise<CatchUp> {
  return toCatchUpDto(await requireCatchUp(deps, accountId, id));
}

async function requireCatchUp(deps: Deps, accountId: string, id: string): Promise<CatchUpWithName> {
  const row = await findCatchUp(deps.store.read, accountId, id);
  if (!row) throw new NotFound('catch-up not found');
  return row;
}

/** Why a catch-up cannot move on: NotFound when missing, Conflict when already settled. */
async function notPlanned(deps: Deps, accountId: string, id: string): Promise<never> {
  const row = await requireCatchUp(deps, accountId, id);
  throw new Conflict(`the catch-up is already ${row.status}`);
}

/**
 * F15: the catch-up happened. Logs it as an interaction (video for a virtual coffee, in person
 * otherwise), which also creates the "send a short follow-up with the takeaway" task, and marks
 * it done. The row is claimed first so two clicks log one interaction; all in one transaction.
 */
export async function completeCatchUp(
  deps: Deps,
  accountId: string,
  id: string,
  body: CatchUpDone,
): Promise<CatchUpDoneResult> {
  const row = await requireCatchUp(deps, accountId, id);
  const now = nowIso(deps);
  // Claim, log and link in one transaction: a failure anywhere leaves the catch-up planned and unlogged.
  const interaction = await deps.store.transaction(async (trx) => {
    if ((await settleCatchUp(trx, accountId, id, 'planned', { status: 'done' })) === 0) return null;
    const logged = await logInteractionIn(deps, trx, accountId, row.contact_id, {
      channel: row.format === 'virtual_coffee' ? 'video' : 'in_person',
      direction: 'outbound',
      // Marked done early (or at once): it happened now, not in the future.
      // ISO strings compare as times; Math.min would turn them into NaN.
      occurredAt: row.start_at < now ? row.start_at : now,
      summary: body.summary,
      topics: body.topics,
      awaitingReply: false,
    });
    await settleCatchUp(trx, accountId, id, 'done', { interaction_id: logged.id });
    return logged;
  });
  if (!interaction) return notPlanned(deps, accountId, id);
  return {
    catchUp: toCatchUpDto({ ...row, status: 'done', interaction_id: interaction.id }),
    interaction,
  };
}

/** F15: called off; a second cancel is a no-op, a done one cannot be cancelled. */
export async function cancelCatchUp(deps: Deps, accountId: string, id: string): Promise<CatchUp> {
  const row = await requireCatchUp(deps, accountId, id);
  if (row.status === 'cancelled') return toCatchUpDto(row);
  if ((await settleCatchUp(deps.store.read, accountId, id, 'planned', { status: 'cancelled' })) === 0)
    return notPlanned(deps, accountId, id);
  return toCatchUpDto({ ...row, status: 'cancelled' });
}

const FORMAT_TITLES: Record<CatchUpFormat, string> = {
  virtual_coffee: 'Virtual coffee',
  lunch: 'Lunch',
  walk: 'Walk',
  conference: 'Meet at the conference',
};
/** Enough for any real calendar; a client re-reads the whole feed on every refresh. */
const FEED_CATCH_UP_LIMIT = 200;

/**
 * F15/F21: planned catch-ups that have not ended, as timed feed events. The UID is the
 * catch-up's, so a cancelled one simply drops out of the feed on the client's next refresh.
 */
export async function catchUpFeedEvents(deps: Deps, accountId: string): Promise<TimedEvent[]> {
  const rows = await listRows(deps.store.read, accountId, {
    upcomingAfter: nowIso(deps),
    limit: FEED_CATCH_UP_LIMIT,
  });
  return rows.map((r) => ({
    kind: 'timed',
    uid: `catch-up-${r.id}@tend`,
    summary: `${FORMAT_TITLES[r.format] ?? 'Catch-up'} with ${displayName(r)}`,
    ...(r.note && { description: r.note }),
    start: r.start_at,
    end: r.end_at,
    ...(r.format === 'virtual_coffee' && { location: 'Video call' }),
  }));
}
