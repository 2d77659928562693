import type { Insertable } from 'kysely';
import type { ImportRow } from '../contract/imports';
import type { FieldChange, ImportClassification, MatchKey } from '../core/duplicate-keys';
import type { ImportedContact } from '../formats/imported-contact';
import type { ImportRowsTable } from '../store/database';
import type { ImportRowRow } from '../store/imports.repo';

/** Stored form of a previewed contact: what the reader gave, without the photo, cut to the API's limits. */
export type PreviewContact = Omit<ImportedContact, 'photo'>;

const cut = (v: string | undefined, max: number) => (v === undefined ? undefined : v.slice(0, max));

/**
 * Cuts a read contact to what the contacts API itself accepts (name 100, company 200, 20 e-mails…),
 * so that the preview shows what will be stored and an imported contact can be edited later.
 */
export function clipContact(c: ImportedContact): PreviewContact {
  const { photo: _photo, ...rest } = c;
  const out: PreviewContact = {
    ...rest,
    firstName: c.firstName.slice(0, 100),
    lastName: c.lastName.slice(0, 100),
    emails: c.emails.slice(0, 20).map((e) => ({ ...e, value: e.value.slice(0, 320) })),
    phones: c.phones.slice(0, 20).map((p) => ({ ...p, value: p.value.slice(0, 40) })),
    links: c.links.slice(0, 20).map((l) => ({ ...l, url: l.url.slice(0, 500) })),
    tags: c.tags.slice(0, 50).map((t) => t.slice(0, 50)),
  };
  for (const [key, max] of [
    ['company', 200],
    ['title', 200],
    ['industry', 100],
    ['city', 100],
    ['country', 100],
    ['timeZone', 64],
    ['notes', 20_000],
  ] as const) {
    const v = cut(out[key], max);
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}

/** One classified row as stored in import_rows. */
export function rowRecord(
  accountId: string,
  runId: string,
  c: ImportClassification<PreviewContact>,
  rawName?: string,
): Insertable<ImportRowsTable> {
  const base = { account_id: accountId, run_id: runId, line: c.line, status: c.kind };
  if (c.kind === 'error') {
    return {
      ...base,
      contact: null,
      match_contact_id: null,
      match_line: null,
      matched_by: null,
      changes: null,
      error: c.error,
      raw_name: rawName ?? null,
    };
  }
  const target = c.kind === 'new' ? undefined : c.target;
  return {
    ...base,
    contact: JSON.stringify(c.contact),
    match_contact_id: target?.kind === 'existing' ? target.id : null,
    match_line: target?.kind === 'row' ? target.line : null,
    matched_by: c.kind === 'new' ? null : c.matchedBy,
    changes: c.kind === 'merge' ? JSON.stringify(c.changes) : null,
    error: null,
    raw_name: `${c.contact.firstName} ${c.contact.lastName}`.trim(),
  };
}

/** Fields a merge overwrites; every other field is only filled when empty. */
export const OVERWRITTEN_FIELDS: ReadonlySet<string> = new Set(['company', 'title']);

/** A stored row → the API shape. */
export function toImportRowDto(r: Pick<ImportRowRow, keyof ImportRowRow>): ImportRow {
  const changes = r.changes ? (JSON.parse(r.changes) as FieldChange[]) : [];
  return {
    line: r.line,
    status: r.status as ImportRow['status'],
    name: r.raw_name ?? '',
    contact: r.contact ? (JSON.parse(r.contact) as PreviewContact) : null,
    match:
      r.matched_by === null
        ? null
        : { contactId: r.match_contact_id, line: r.match_line, by: r.matched_by as MatchKey },
    changes: changes.map((ch) =>
      'added' in ch ? ch : { ...ch, applies: ch.from === undefined || OVERWRITTEN_FIELDS.has(ch.field) },
    ),
    error: r.error,
  };
}
