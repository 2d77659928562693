import { IMPORT_ROW_STATUSES, type ImportRow, MATCH_KEYS } from '../../contract/imports';
import type { ImportClassification } from '../../core/classify-import';
import { isSafeLink } from '../../core/safe-link';
import type { ImportedContact } from '../../formats/imported-contact';
import type { NewRow } from '../../store/database';
import type { ImportRowRow } from '../../store/imports.repo';
import { storedChanges, storedOneOf, storedWarnings } from './import-stored';

/**
 * Stored form of a previewed contact: what the reader gave, cut to the API's limits, without the
 * photo's bytes (they go to import_row_photos) but saying that it has one, so that a row that differs
 * only by its photo previews as a merge that gives the contact the photo.
 */
export type PreviewContact = Omit<ImportedContact, 'photo'> & { hasPhoto?: true };

const LIMITS = {
  company: 200,
  title: 200,
  industry: 100,
  city: 100,
  country: 100,
  timeZone: 64,
  notes: 20_000,
} as const;
const LIMITED = [
  'company',
  'title',
  'industry',
  'city',
  'country',
  'timeZone',
  'notes',
] as const satisfies readonly (keyof typeof LIMITS)[];

/** The list cut to `max` items, each cut to `chars`; the same array when nothing needs cutting (the usual case). */
function cutList<T>(
  list: T[],
  max: number,
  text: (item: T) => string,
  cut: (item: T, chars: number) => T,
  chars: number,
): T[] {
  if (list.length <= max && list.every((item) => text(item).length <= chars)) return list;
  return list.slice(0, max).map((item) => (text(item).length > chars ? cut(item, chars) : item));
}

type Item = { value: string; label?: string };
type Link = ImportedContact['links'][number];
// Named once here, not as arrows in clipContact: each call made eight closures (30,000 rows).
const itemValue = (item: Item) => item.value;
const cutItem = <T extends Item>(item: T, n: number): T => ({ ...item, value: item.value.slice(0, n) });
const linkUrl = (l: Link) => l.url;
const cutLink = (l: Link, n: number): Link => ({ ...l, url: l.url.slice(0, n) });
const same = (t: string) => t;
const cutTag = (t: string, n: number) => t.slice(0, n);
const safeLink = (l: Link) => isSafeLink(l.url);

/**
 * Cuts a read contact to what the contacts API itself accepts (name 100, company 200, 20 e-mails…),
 * so that the preview shows what will be stored and an imported contact can be edited later.
 * Built field by field (no spread-and-delete), because a 30,000-row preview serialises every one.
 */
export function clipContact(c: ImportedContact): PreviewContact {
  const out: PreviewContact = {
    firstName: c.firstName.slice(0, 100),
    lastName: c.lastName.slice(0, 100),
    emails: cutList(c.emails, 20, itemValue, cutItem, 320),
    phones: cutList(c.phones, 20, itemValue, cutItem, 40),
    // A vCard URL or CSV column may say javascript: or data:; such links are dropped, never stored.
    links: cutList(c.links.every(safeLink) ? c.links : c.links.filter(safeLink), 20, linkUrl, cutLink, 500),
    tags: cutList(c.tags, 50, same, cutTag, 50),
  };
  for (const key of LIMITED) {
    const v = c[key];
    if (v !== undefined) out[key] = v.slice(0, LIMITS[key]);
  }
  if (c.uid !== undefined) out.uid = c.uid.slice(0, 200);
  if (c.connectedOn !== undefined) out.connectedOn = c.connectedOn;
  if (c.birthday !== undefined) out.birthday = c.birthday;
  if (c.anniversary !== undefined) out.anniversary = c.anniversary;
  if (c.photo) out.hasPhoto = true;
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A stored preview contact. Checked by its required fields only, not item by item with zod: the
 * commit reads 30,000 of them, and the preview wrote each from a clipped ImportedContact.
 */
function isPreviewContact(v: unknown): v is PreviewContact {
  return (
    isObject(v) &&
    typeof v.firstName === 'string' &&
    typeof v.lastName === 'string' &&
    Array.isArray(v.emails) &&
    Array.isArray(v.phones) &&
    Array.isArray(v.links) &&
    Array.isArray(v.tags)
  );
}

/** A previewed contact as import_rows holds it (JSON). */
export function storedContact(json: string, line: number): PreviewContact {
  const contact: unknown = JSON.parse(json);
  if (!isPreviewContact(contact)) throw new Error(`import row ${line}: the stored contact is not one`);
  return contact;
}

/** One classified row as stored in import_rows. */
export function rowRecord(
  accountId: string,
  runId: string,
  c: ImportClassification<PreviewContact>,
  /** rawName: an error row's name as the reader saw it; json: the contact already serialised; warnings: fields skipped. */
  opts: { rawName?: string | undefined; json?: string | undefined; warnings?: string[] | undefined } = {},
): NewRow<'import_rows'> {
  // Literals, not spreads: tsx/esbuild lowers spreads to a helper that made this 5× slower per row.
  if (c.kind === 'error') {
    return {
      account_id: accountId,
      run_id: runId,
      line: c.line,
      status: c.kind,
      contact: null,
      match_contact_id: null,
      match_line: null,
      matched_by: null,
      changes: null,
      error: c.error,
      raw_name: opts.rawName ?? null,
      reason: null,
      warnings: null,
    };
  }
  const target = c.kind === 'new' ? undefined : c.target;
  return {
    account_id: accountId,
    run_id: runId,
    line: c.line,
    status: c.kind,
    contact: opts.json ?? JSON.stringify(c.contact),
    match_contact_id: target?.kind === 'existing' ? target.id : null,
    match_line: target?.kind === 'row' ? target.line : null,
    matched_by: c.kind === 'new' ? null : c.matchedBy,
    changes: c.kind === 'merge' || c.kind === 'conflict' ? JSON.stringify(c.changes) : null,
    error: null,
    raw_name: `${c.contact.firstName} ${c.contact.lastName}`.trim(),
    reason: c.kind === 'conflict' ? c.reason : null,
    warnings: opts.warnings?.length ? JSON.stringify(opts.warnings) : null,
  };
}

/** Fields a merge overwrites; every other field is only filled when empty. */
export const OVERWRITTEN_FIELDS: ReadonlySet<string> = new Set(['company', 'title']);

/** A stored row → the API shape. */
export function toImportRowDto(r: Pick<ImportRowRow, keyof ImportRowRow>): ImportRow {
  return {
    line: r.line,
    status: storedOneOf(IMPORT_ROW_STATUSES, r.status, 'status'),
    name: r.raw_name ?? '',
    contact: r.contact ? storedContact(r.contact, r.line) : null,
    match:
      r.matched_by === null
        ? null
        : {
            contactId: r.match_contact_id,
            line: r.match_line,
            by: storedOneOf(MATCH_KEYS, r.matched_by, 'matched_by'),
          },
    changes: storedChanges(r.changes).map((ch) =>
      'added' in ch
        ? ch
        : { ...ch, applies: !('from' in ch) || ch.from === undefined || OVERWRITTEN_FIELDS.has(ch.field) },
    ),
    reason: r.reason,
    warnings: storedWarnings(r.warnings),
    error: r.error,
  };
}
