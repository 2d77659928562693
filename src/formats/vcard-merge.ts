import { CARD_FIELD_NAMES, type CardField } from '../core/vocabulary';
import type { ContactLike, ImportedContact } from './imported-contact';
import { vcardRows } from './vcard-reader';
import { type VCardVersion, writeVCard } from './vcard-writer';

/** One property of a card as written: its physical lines kept verbatim (folding included). */
export interface CardLine {
  name: string;
  group: string | undefined;
  raw: string;
}

/** The Tend fields a property carries; properties with none are the client's own (kept as written). */

const FIELD_OF_NAME: Record<string, CardField> = {
  N: 'name',
  FN: 'name',
  EMAIL: 'emails',
  TEL: 'phones',
  ORG: 'company',
  TITLE: 'title',
  URL: 'links',
  'X-SOCIALPROFILE': 'links',
  ADR: 'address',
  TZ: 'timeZone',
  BDAY: 'birthday',
  ANNIVERSARY: 'anniversary',
  'X-ANNIVERSARY': 'anniversary',
  NOTE: 'notes',
  CATEGORIES: 'tags',
  'X-TEND-INDUSTRY': 'industry',
  'X-TEND-CONNECTED-ON': 'connectedOn',
};
/** Written by us around the properties; never copied from the previous card. */
const FRAME = new Set(['BEGIN', 'END', 'VERSION']);

const json = (v: unknown) => JSON.stringify(v ?? null);
const list = <T>(v: T[] | undefined) => (v?.length ? v : undefined);
const FIELD_EQUALS = {
  name: (c: ContactLike) => json([c.firstName, c.lastName]),
  emails: (c: ContactLike) => json(list(c.emails?.map((e) => [e.value, e.label ?? null]))),
  phones: (c: ContactLike) => json(list(c.phones?.map((e) => [e.value, e.label ?? null]))),
  links: (c: ContactLike) => json(list(c.links?.map((l) => [l.kind, l.url]))),
  company: (c: ContactLike) => json(c.company || undefined),
  title: (c: ContactLike) => json(c.title || undefined),
  address: (c: ContactLike) => json(c.city || c.country ? [c.city ?? '', c.country ?? ''] : undefined),
  timeZone: (c: ContactLike) => json(c.timeZone || undefined),
  birthday: (c: ContactLike) =>
    json(c.birthday && [c.birthday.year ?? null, c.birthday.month, c.birthday.day]),
  anniversary: (c: ContactLike) =>
    json(c.anniversary && [c.anniversary.year ?? null, c.anniversary.month, c.anniversary.day]),
  notes: (c: ContactLike) => json(c.notes || undefined),
  tags: (c: ContactLike) => json(list([...new Set((c.tags ?? []).map((t) => t.toLowerCase()))].sort())),
  industry: (c: ContactLike) => json(c.industry || undefined),
  connectedOn: (c: ContactLike) => json(c.connectedOn || undefined),
} satisfies Record<CardField, (c: ContactLike) => string>;

const KEYS_OF_FIELD = {
  name: ['firstName', 'lastName'],
  emails: ['emails'],
  phones: ['phones'],
  links: ['links'],
  company: ['company'],
  title: ['title'],
  address: ['city', 'country'],
  timeZone: ['timeZone'],
  birthday: ['birthday'],
  anniversary: ['anniversary'],
  notes: ['notes'],
  tags: ['tags'],
  industry: ['industry'],
  connectedOn: ['connectedOn'],
} as const satisfies Record<CardField, readonly (keyof ContactLike)[]>;

/** The fields whose values differ between two contacts, compared as a card carries them. */
export function changedFields(a: ContactLike, b: ContactLike): CardField[] {
  return CARD_FIELD_NAMES.filter((f) => FIELD_EQUALS[f](a) !== FIELD_EQUALS[f](b));
}

/** A field's value as a person reads it (the conflict list shows both sides this way). */
export function fieldValue(c: ContactLike, field: CardField): unknown {
  const keys: readonly (keyof ContactLike)[] = KEYS_OF_FIELD[field];
  return keys.length === 1 ? (c[keys[0]!] ?? null) : keys.map((k) => c[k] ?? null);
}

/** The fields both sides changed since `base`, to different values: what the user must choose. */
export function clashingFields(
  base: ContactLike,
  tend: ContactLike,
  remote: ContactLike,
): { field: CardField; tend: unknown; remote: unknown }[] {
  const tendChanged = new Set(changedFields(base, tend));
  const differ = new Set(changedFields(tend, remote));
  return changedFields(base, remote)
    .filter((f) => tendChanged.has(f) && differ.has(f))
    .map((f) => ({ field: f, tend: fieldValue(tend, f), remote: fieldValue(remote, f) }));
}

function copyKey<K extends keyof ContactLike>(to: ContactLike, from: ContactLike, k: K): void {
  to[k] = from[k];
}

/** `base` with the given fields taken from `from` (a field `from` lacks is removed). */
export function pickFields(base: ContactLike, from: ContactLike, fields: Iterable<CardField>): ContactLike {
  const out: ContactLike = { ...base };
  for (const f of fields) for (const k of KEYS_OF_FIELD[f]) copyKey(out, from, k);
  return out;
}

/** Splits a card into properties, each with its physical lines as written (RFC 6350 §3.2 folding). */
export function cardLines(body: string): CardLine[] {
  const out: CardLine[] = [];
  for (const physical of body.split(/\r?\n/)) {
    const first = physical.charCodeAt(0);
    const last = out.at(-1);
    if (last && (first === 32 || first === 9)) {
      last.raw += `\r\n${physical}`;
      continue;
    }
    if (physical.trim() === '') continue;
    const head = /^([^:;]*)/.exec(physical)?.[1]?.trim() ?? '';
    const dot = head.lastIndexOf('.');
    out.push({
      name: (dot === -1 ? head : head.slice(dot + 1)).toUpperCase(),
      group: dot === -1 ? undefined : head.slice(0, dot),
      raw: physical,
    });
  }
  return out;
}

/** The field of each property; an Apple label (`item1.X-ABLABEL`) goes with the property of its group. */
function fieldsOf(lines: CardLine[]): (CardField | undefined)[] {
  const byGroup = new Map<string, CardField>();
  for (const l of lines) {
    const f = FIELD_OF_NAME[l.name];
    if (f && l.group) byGroup.set(l.group.toUpperCase(), f);
  }
  return lines.map(
    (l) => FIELD_OF_NAME[l.name] ?? (l.group ? byGroup.get(l.group.toUpperCase()) : undefined),
  );
}

/** The version a card declares (3.0 when it says nothing we write). */
export function cardVersion(body: string): VCardVersion {
  return /^VERSION:\s*4\.0\s*$/im.test(body) ? '4.0' : '3.0';
}

/** Reads the one card of a body; a string names what is wrong with it. */
export async function readOneCard(body: string): Promise<ImportedContact | string> {
  async function* lines() {
    yield* body.split(/\r?\n/);
  }
  const rows = [];
  for await (const row of vcardRows(lines())) rows.push(row);
  if (rows.length !== 1) return rows.length === 0 ? 'no BEGIN:VCARD … END:VCARD' : 'more than one card';
  const row = rows[0]!;
  return 'error' in row ? row.error : row.contact;
}

/**
 * The card for `current`, written around the `previous` card of the same resource: a field whose
 * value is unchanged keeps the client's lines byte-for-byte (TYPE=pref, item groups, X-ABLABEL,
 * street addresses), a changed field is written anew, and every property Tend does not model
 * (X-AB*, X-ANDROID-*, IMPP, PHOTO, UID, …) is copied as written — so a client never loses what it wrote.
 */
export async function mergeCard(
  current: ContactLike,
  previous: string | undefined,
  options: { uid: string; version?: VCardVersion },
): Promise<string> {
  const prevContact = previous === undefined ? undefined : await readOneCard(previous);
  if (previous === undefined || typeof prevContact === 'string' || prevContact === undefined) {
    return writeVCard(current, { uid: options.uid, version: options.version ?? '3.0' });
  }
  const version = cardVersion(previous);
  const prevLines = cardLines(previous);
  const prevFields = fieldsOf(prevLines);
  const hasUid = prevLines.some((l) => l.name === 'UID');
  const fresh = cardLines(writeVCard(current, { version, ...(!hasUid && { uid: options.uid }) }));
  const freshFields = fieldsOf(fresh);
  const out: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  const written = new Set<CardField>();
  const emit = (field: CardField) => {
    if (written.has(field)) return;
    written.add(field);
    const same = FIELD_EQUALS[field](current) === FIELD_EQUALS[field](prevContact);
    const [lines, fields] = same ? [prevLines, prevFields] : [fresh, freshFields];
    lines.forEach((l, i) => {
      if (fields[i] === field) out.push(l.raw);
    });
  };
  // The previous card's order first, so an unchanged card comes back line for line.
  prevLines.forEach((l, i) => {
    const field = prevFields[i];
    if (field) emit(field);
    else if (!FRAME.has(l.name)) out.push(l.raw);
  });
  fresh.forEach((l, i) => {
    const field = freshFields[i];
    if (field) emit(field);
    else if (l.name === 'UID' && !hasUid) out.push(l.raw);
  });
  out.push('END:VCARD');
  return `${out.join('\r\n')}\r\n`;
}
