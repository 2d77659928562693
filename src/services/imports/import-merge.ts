import { emailKey, linkedinKey, phoneKey } from '../../core/duplicate-keys';
import type { NewRow } from '../../store/database';
import type { ImportWrites, MergeTarget } from '../../store/import-writes.repo';
import { type CommitContext, dateRow, noteRow, validZone } from './import-new-contact';
import type { PreviewContact } from './import-rows';

const urlKey = (u: string) => linkedinKey(u) ?? u.trim().toLowerCase().replace(/\/+$/, '');
const FILLED = ['industry', 'city', 'country'] as const;
/** The contacts columns a merge may change. */
const MERGED_COLUMNS = [
  'company',
  'title',
  'industry',
  'city',
  'country',
  'time_zone',
  'met_on',
  'how_met',
] as const;

/**
 * Merges imported rows into one stored contact: company and title are overwritten (people change
 * jobs; the newer export knows), every other field is only filled when empty, and e-mails, phones,
 * links, tags, notes and dates are added when new. Appends the inserts to `w` and returns the
 * column update. With `detectRole` (a LinkedIn export), a changed company or title also records a
 * "new role" life event dated today: a reason to congratulate in Today.
 */
export function mergeInto(
  w: ImportWrites,
  ctx: CommitContext,
  target: MergeTarget,
  incoming: readonly PreviewContact[],
  detectRole: boolean,
): { update: Partial<NewRow<'contacts'>> | undefined; newRole: boolean } {
  const { row, children } = target;
  const id = row.id;
  const next: Record<(typeof MERGED_COLUMNS)[number], string | null> = {
    company: row.company,
    title: row.title,
    industry: row.industry,
    city: row.city,
    country: row.country,
    time_zone: row.time_zone,
    met_on: row.met_on,
    how_met: row.how_met,
  };
  const emails = new Set(children.emails.map((e) => emailKey(e.value) ?? e.value.toLowerCase()));
  const phones = new Set(children.phones.map((p) => p.e164 ?? phoneKey(p.value, ctx.region) ?? p.value));
  const links = new Set(children.links.map((l) => urlKey(l.url)));
  const tags = new Set(children.tags.map((t) => t.toLowerCase()));
  const written = () =>
    w.emails.length + w.phones.length + w.links.length + w.tags.length + w.notes.length + w.dates.length;
  const writtenBefore = written();
  for (const c of incoming) {
    if (c.company) next.company = c.company;
    if (c.title) next.title = c.title;
    for (const field of FILLED) next[field] ??= c[field] ?? null;
    next.time_zone ??= validZone(c.timeZone);
    if (c.connectedOn && !next.met_on) {
      next.met_on = c.connectedOn;
      next.how_met ??= 'LinkedIn';
    }
    for (const e of c.emails) {
      const key = emailKey(e.value) ?? e.value.toLowerCase();
      if (emails.has(key)) continue;
      emails.add(key);
      w.emails.push({
        account_id: ctx.accountId,
        contact_id: id,
        id: ctx.newId(),
        value: e.value,
        label: e.label ?? null,
        position: emails.size,
      });
    }
    for (const p of c.phones) {
      const e164 = phoneKey(p.value, ctx.region);
      if (phones.has(e164 ?? p.value)) continue;
      phones.add(e164 ?? p.value);
      w.phones.push({
        account_id: ctx.accountId,
        contact_id: id,
        id: ctx.newId(),
        value: p.value,
        e164: e164 ?? null,
        label: p.label ?? null,
        position: phones.size,
      });
    }
    for (const l of c.links) {
      if (links.has(urlKey(l.url))) continue;
      links.add(urlKey(l.url));
      w.links.push({
        account_id: ctx.accountId,
        contact_id: id,
        id: ctx.newId(),
        kind: l.kind,
        url: l.url,
        position: links.size,
      });
    }
    for (const name of c.tags) {
      if (tags.has(name.toLowerCase())) continue;
      tags.add(name.toLowerCase());
      w.tags.push({ contactId: id, name });
    }
    const note = c.notes?.trim();
    if (note && !target.notes.some((n) => n.trim() === note)) {
      target.notes.push(note);
      w.notes.push(noteRow(ctx, id, note));
    }
    for (const [kind, d] of [
      ['birthday', c.birthday],
      ['personal_anniversary', c.anniversary],
    ] as const) {
      const date = d && !target.dateKinds.has(kind) ? dateRow(ctx, id, kind, d) : undefined;
      if (!date) continue;
      target.dateKinds.add(kind);
      w.dates.push(date);
    }
  }
  const changed = MERGED_COLUMNS.filter((k) => next[k] !== row[k]);
  const newRole =
    detectRole &&
    ((row.company !== null && next.company !== row.company) ||
      (row.title !== null && next.title !== row.title));
  if (newRole) {
    const title =
      next.title && next.company
        ? `New role: ${next.title} at ${next.company}`
        : `New role: ${next.title ?? next.company}`;
    w.lifeEvents.push({
      account_id: ctx.accountId,
      contact_id: id,
      id: ctx.newId(),
      kind: 'new_role',
      title: title.slice(0, 200),
      occurred_on: ctx.today,
      source: 'import_diff',
      created_at: ctx.now,
    });
  }
  // A photo is copied in SQL after the merges; the contact's updated_at still moves, so CardDAV sees it.
  const photoGiven = !target.hasPhoto && incoming.some((c) => c.hasPhoto);
  if (changed.length === 0 && written() === writtenBefore && !photoGiven)
    return { update: undefined, newRole };
  const update: Partial<NewRow<'contacts'>> = { updated_at: ctx.now };
  for (const k of changed) Object.assign(update, { [k]: next[k] });
  return { update, newRole };
}
