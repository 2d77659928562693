import { IANAZone } from 'luxon';
import { effectiveCadence, nextDueAt } from '../../core/cadence';
import { phoneKey } from '../../core/duplicate-keys';
import { holidayCountry } from '../../core/holiday-country';
import { defaultLeadDays, invalidDay } from '../../core/important-dates';
import type { DateKind } from '../../core/vocabulary';
import type { PartialDate } from '../../formats/imported-contact';
import { searchBody, searchFields } from '../../store/contacts.repo';
import type { ImportWrites } from '../../store/import-writes.repo';
import type { PreviewContact } from './import-rows';

/** What every write of one commit shares. */
export interface CommitContext {
  accountId: string;
  now: string;
  /** Today in the account's zone (life events are dated by it). */
  today: string;
  region: Parameters<typeof phoneKey>[1];
  newId: () => string;
  tracked: boolean;
  /** next_due_at of every new contact: the same for all (no interactions, default cadence, created now). */
  nextDueAt: string | null;
}

/** next_due_at of a contact created now with no interactions, as refreshSchedule would compute it. */
export function newContactDueAt(now: string, tracked: boolean): string | null {
  return nextDueAt(null, effectiveCadence(null, null, tracked), now);
}

export const sortName = (first: string, last: string) => `${first} ${last}`.trim().toLowerCase();

/** An imported zone is kept only when it is an IANA name the Today queue can compute with. */
export const validZone = (zone: string | undefined) => (zone && IANAZone.isValidZone(zone) ? zone : null);

/** The important_dates row of an imported birthday or anniversary; undefined for an impossible date. */
export function dateRow(ctx: CommitContext, contactId: string, kind: DateKind, d: PartialDate) {
  if (d.month < 1 || d.month > 12 || d.day < 1 || invalidDay(d.month, d.day, d.year)) return undefined;
  return {
    account_id: ctx.accountId,
    id: ctx.newId(),
    contact_id: contactId,
    kind,
    label: null,
    month: d.month,
    day: d.day,
    year: d.year ?? null,
    lead_days: defaultLeadDays(kind),
    created_at: ctx.now,
  };
}

/**
 * Adds a new contact and its children to `w`; returns its id. "Connected On" becomes met_on with
 * how_met LinkedIn. Derived columns come from the same core functions refreshSchedule uses: an
 * imported contact has no interactions, so it is due one cadence after today. No F6 follow-up task
 * is planned: a connection made years ago needs no "follow up within 48 h".
 */
export function addNewContact(w: ImportWrites, ctx: CommitContext, c: PreviewContact): string {
  const id = ctx.newId();
  const row = {
    account_id: ctx.accountId,
    id,
    first_name: c.firstName,
    last_name: c.lastName,
    sort_name: sortName(c.firstName, c.lastName),
    company: c.company ?? null,
    title: c.title ?? null,
    industry: c.industry ?? null,
    city: c.city ?? null,
    country: c.country ?? null,
    time_zone: validZone(c.timeZone),
    working_hours: null,
    preferred_channel: null,
    how_met: c.connectedOn ? 'LinkedIn' : null,
    met_on: c.connectedOn ?? null,
    circle_id: null,
    tracked: ctx.tracked ? 1 : 0,
    cadence_kind: null,
    cadence_every: null,
    cadence_unit: null,
    last_interaction_at: null,
    last_meaningful_at: null,
    last_inbound_at: null,
    last_reply_channel: null,
    next_due_at: ctx.nextDueAt,
    holiday_country: holidayCountry({
      country: c.country,
      timeZone: c.timeZone,
      phonesE164: c.phones.map((p) => phoneKey(p.value, ctx.region)),
    }),
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  w.contacts.push(row);
  // The same text reindexContacts builds, from memory: reading back what was just written costs a third of a commit.
  const words = searchFields(row);
  for (const e of c.emails) words.push(e.value);
  if (c.notes) words.push(c.notes);
  w.search.push({ account_id: ctx.accountId, contact_id: id, body: searchBody(words) });
  c.emails.forEach((e, position) => {
    w.emails.push({
      account_id: ctx.accountId,
      id: ctx.newId(),
      contact_id: id,
      value: e.value,
      label: e.label ?? null,
      position,
    });
  });
  c.phones.forEach((p, position) => {
    const e164 = phoneKey(p.value, ctx.region) ?? null;
    w.phones.push({
      account_id: ctx.accountId,
      id: ctx.newId(),
      contact_id: id,
      value: p.value,
      e164,
      label: p.label ?? null,
      position,
    });
  });
  c.links.forEach((l, position) => {
    w.links.push({
      account_id: ctx.accountId,
      id: ctx.newId(),
      contact_id: id,
      kind: l.kind,
      url: l.url,
      position,
    });
  });
  for (const name of c.tags) w.tags.push({ contactId: id, name });
  if (c.notes) w.notes.push(noteRow(ctx, id, c.notes));
  for (const [kind, d] of [
    ['birthday', c.birthday],
    ['personal_anniversary', c.anniversary],
  ] as const) {
    const date = d && dateRow(ctx, id, kind, d);
    if (date) w.dates.push(date);
  }
  return id;
}

export function noteRow(ctx: CommitContext, contactId: string, body: string) {
  return {
    account_id: ctx.accountId,
    id: ctx.newId(),
    contact_id: contactId,
    body,
    pinned: 0,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
}
