import type { CountryCode } from 'libphonenumber-js';
import { KeyTable } from './key-table';
import { parsePhone } from './phone-parse';

/** What dedupe needs of a contact; an imported contact and a stored one both fit. */
export interface DedupeContact {
  /** A vCard UID; Tend's own export writes the contact id, so a re-import finds the same record. */
  uid?: string;
  firstName: string;
  lastName: string;
  emails: readonly { value: string }[];
  phones: readonly { value: string }[];
  links: readonly { kind: string; url: string }[];
  company?: string;
  title?: string;
  industry?: string;
  city?: string;
  country?: string;
  timeZone?: string;
  notes?: string;
  tags?: readonly string[];
  connectedOn?: string;
  birthday?: DateParts;
  anniversary?: DateParts;
  /** A stored contact with a photo, or a row of the file that carries one. */
  hasPhoto?: boolean;
}
interface DateParts {
  month: number;
  day: number;
  year?: number;
}

/** Match keys, strongest first: this is the order in which a row is matched. */
export const MATCH_KEYS = ['uid', 'email', 'linkedin', 'phone', 'name_company'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];
const SCALARS = [
  'firstName',
  'lastName',
  'company',
  'title',
  'industry',
  'city',
  'country',
  'timeZone',
  'notes',
  'connectedOn',
  'birthday',
  'anniversary',
] as const;
type ScalarField = (typeof SCALARS)[number];
type ListField = 'emails' | 'phones' | 'links' | 'tags';
/** A field an import would change: a scalar's new value (title change = reason to congratulate) or added items. */
export type FieldChange =
  | { field: ScalarField; from?: string; to: string }
  | { field: 'photo'; to: typeof PHOTO_CHANGE }
  | { field: ListField; added: string[] };
/** A row's photo given to a contact that has none (a merge never replaces a photo). */
export const PHOTO_CHANGE = 'the photo in the file';
export type MatchTarget = { kind: 'existing'; id: string } | { kind: 'row'; line: number };

/** Normalised e-mail: trimmed, lower-case; undefined when it is not an address. */
export function emailKey(email: string): string | undefined {
  const key = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(key) ? key : undefined;
}

/** Canonical LinkedIn profile: `linkedin.com/in/<slug>`, lower-case, no scheme, subdomain, query or trailing slash. */
export function linkedinKey(url: string): string | undefined {
  // LinkedIn's own export writes every profile so; its key is the URL without the scheme and www.
  if (url.startsWith(PLAIN_PROFILE)) {
    const slug = url.slice(PLAIN_PROFILE.length);
    if (PLAIN_SLUG.test(slug)) return `linkedin.com/in/${slug}`;
  }
  const m = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(\/[^?#]*)?/i.exec(url.trim());
  if (!m) return undefined;
  let path = (m[1] ?? '').replace(/\/+$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape is kept as written
  }
  path = path.toLowerCase();
  const profile = /^\/in\/([^/]+)/.exec(path);
  if (profile) return `linkedin.com/in/${profile[1]}`;
  return path ? `linkedin.com${path}` : undefined;
}

const PLAIN_PROFILE = 'https://www.linkedin.com/in/';
/** A slug that the general path leaves as it is: nothing to decode, fold, or cut at a slash or query. */
const PLAIN_SLUG = /^[a-z0-9_-]+$/;

/** Phone in E.164 (`+14155550100`) read in `defaultRegion` when it has no country code; undefined if impossible. */
export function phoneKey(phone: string, defaultRegion: CountryCode): string | undefined {
  // No memo: a plainly written number parses in ~2 µs (parsePhone), less than a memo's key, lookup
  // and copy cost over a preview and its commit (which ask for each number three times).
  const parsed = parsePhone(phone, defaultRegion);
  return parsed?.possible ? parsed.number : undefined;
}

/**
 * The country of an E.164 number, as libphonenumber reads it: for a calling code shared by several
 * countries (+1, +7, +44…), the first whose patterns match (see parsePhone).
 */
export function phoneCountry(e164: string): CountryCode | undefined {
  return parsePhone(e164)?.country;
}

// Any 7-bit text, control characters included: only such text can skip Unicode normalisation.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point here.
const ASCII = /^[\x00-\x7f]*$/;

/** Case- and accent-folded text with punctuation collapsed: "Zoë  O'Brien" → "zoe o brien". */
export function foldText(text: string): string {
  if (wordsAndSpaces(text)) return text.toLowerCase();
  // Plain ASCII (most names and companies) is its own NFKD form with no marks: the same result, ~5× faster.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * ASCII letters and digits in words parted by single spaces: the fold only lower-cases such text
 * (most names), and a loop tells so without the two regular expressions of the ASCII path.
 */
function wordsAndSpaces(text: string): boolean {
  if (text.length === 0) return false;
  let space = true; // at the start, as after a space: a leading space is not allowed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) space = false;
    else return false;
  }
  return !space;
}

/** Legal-form suffixes that vary between sources ("Acme Inc." vs "Acme"). */
const COMPANY_SUFFIX = /\s(inc|ltd|llc|gmbh|corp|corporation|co|sa|ag|plc|bv|limited)$/;

/** Folded "first last|company"; undefined without a name or a company (a name alone is too weak). */
export function nameCompanyKey(
  firstName: string,
  lastName: string,
  company: string | undefined,
): string | undefined {
  // Two plain names fold each to its lower case: the same as folding them joined, without the join.
  const name =
    wordsAndSpaces(firstName) && wordsAndSpaces(lastName)
      ? `${firstName.toLowerCase()} ${lastName.toLowerCase()}`
      : foldText(`${firstName} ${lastName}`);
  const org = foldText(company ?? '').replace(COMPANY_SUFFIX, '');
  return name && org ? `${name}|${org}` : undefined;
}

/** A UID as written (`urn:uuid:` dropped, case folded); short or absent UIDs match nothing. */
export function uidKey(uid: string | undefined): string | undefined {
  const key = uid
    ?.trim()
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();
  return key && key.length >= 8 ? key : undefined;
}

/** Adds a defined key not there yet, so keys come each once in first-seen order (no Set, no copies). */
function addKey(out: string[], key: string | undefined): void {
  if (key !== undefined && !out.includes(key)) out.push(key);
}

/** Every key of a contact, by kind. Loops, not map(): a preview asks this of every row. */
export function dedupeKeys(c: DedupeContact, defaultRegion: CountryCode): Record<MatchKey, string[]> {
  const keys: Record<MatchKey, string[]> = { uid: [], email: [], linkedin: [], phone: [], name_company: [] };
  addKey(keys.uid, uidKey(c.uid));
  for (const e of c.emails) addKey(keys.email, emailKey(e.value));
  for (const l of c.links) addKey(keys.linkedin, linkedinKey(l.url));
  for (const p of c.phones) addKey(keys.phone, phoneKey(p.value, defaultRegion));
  addKey(keys.name_company, nameCompanyKey(c.firstName, c.lastName, c.company));
  return keys;
}

/**
 * People listed under one key at most. A switchboard number on every row of a file would otherwise
 * make each row compare itself with all earlier ones (quadratic); past this many it identifies no one.
 */
const MAX_HOLDERS = 16;

const targetId = (t: MatchTarget) => (t.kind === 'existing' ? `e:${t.id}` : `r:${t.line}`);

/**
 * Existing contacts by key, plus what each matched target looks like after the rows merged so far.
 * With `forgetRows`, a new row of the file is indexed by its keys only, not kept whole: a later row
 * that matches it is rare, and the caller hands the row back with recall() first (see forgotten()).
 * Keeping every row cost ~1 KB a row, ~200 MB on a 200,000-row file.
 */
export class DedupeIndex {
  // Keys live in KeyTables, off the heap (~2 a row of the file). A key's value is the line of the one
  // row that holds it (the usual case), or -(n + 1) for held[n]: an existing contact, or the list of
  // everyone holding a key held by several people (an office line, a shared inbox), the earliest first.
  private readonly byKey: Record<MatchKey, KeyTable> = {
    uid: new KeyTable(),
    email: new KeyTable(),
    linkedin: new KeyTable(),
    phone: new KeyTable(),
    name_company: new KeyTable(),
  };
  private readonly held: (MatchTarget | MatchTarget[])[] = [];
  private readonly state = new Map<string, DedupeContact>();
  // targets() then add() ask for the same row's keys; computing them once halves a preview's cost.
  // One contact's, not a WeakMap of them: nothing asks for another contact's keys in between, and
  // a WeakMap entry per row is an ephemeron each scavenge has to visit.
  private lastKeys: { contact: DedupeContact; keys: Record<MatchKey, string[]> } | undefined;
  private lastTargets:
    | { contact: DedupeContact; out: readonly { target: MatchTarget; matchedBy: MatchKey }[] }
    | undefined;

  constructor(
    readonly defaultRegion: CountryCode,
    private readonly forgetRows = false,
  ) {}

  /** Registers a contact under all its keys; an earlier holder of a key stays first. */
  add(target: MatchTarget, contact: DedupeContact): void {
    // byKey changes: a row's targets computed before may not hold any more.
    this.lastTargets = undefined;
    const id = targetId(target);
    // A new row is not kept when rows are forgotten; a recalled or merged one is.
    if (!(this.forgetRows && target.kind === 'row' && !this.state.has(id))) this.state.set(id, contact);
    const keys = this.keysOf(contact);
    // The target's code, taken once and only if some key is new (an existing contact's takes a slot).
    // Not a closure: under tsx every named arrow made per call is also given its name (~50 ms a preview).
    let own: number | undefined;
    for (const kind of MATCH_KEYS) {
      const byKey = this.byKey[kind];
      for (const key of keys[kind]) {
        const at = byKey.get(key);
        const held = at === undefined ? undefined : this.heldAt(at);
        if (held === undefined) {
          own ??= this.encode(target);
          byKey.set(key, own);
        } else if (Array.isArray(held)) {
          if (held.length < MAX_HOLDERS && !held.some((t) => targetId(t) === id)) held.push(target);
        } else if (targetId(held) !== id) byKey.set(key, this.slot([held, target]));
      }
    }
    // A stored contact's UID is its id: that is what Tend's vCard export writes.
    if (target.kind === 'existing' && !this.byKey.uid.has(target.id)) {
      own ??= this.encode(target);
      this.byKey.uid.set(target.id, own);
    }
    // Once registered, the keys live in byKey; holding them per stored contact as well cost ~55 MB
    // on a 200,000-row preview.
    if (this.lastKeys?.contact === contact) this.lastKeys = undefined;
  }

  /** A row by its line, anything else by its place in `held`. */
  private encode(target: MatchTarget): number {
    return target.kind === 'row' && target.line >= 0 && target.line < 2 ** 31
      ? target.line
      : this.slot(target);
  }

  private slot(held: MatchTarget | MatchTarget[]): number {
    this.held.push(held);
    return -this.held.length;
  }

  private heldAt(at: number): MatchTarget | MatchTarget[] {
    if (at >= 0) return { kind: 'row', line: at };
    const held = this.held[-at - 1];
    if (held === undefined) throw new Error(`dedupe index has no holder ${at}`);
    return held;
  }

  private keysOf(contact: DedupeContact): Record<MatchKey, string[]> {
    if (this.lastKeys?.contact === contact) return this.lastKeys.keys;
    const keys = dedupeKeys(contact, this.defaultRegion);
    this.lastKeys = { contact, keys };
    return keys;
  }

  /** Every target `contact` matches, once each, in MATCH_KEYS order (the strongest key first). */
  candidates(contact: DedupeContact): { target: MatchTarget; matchedBy: MatchKey; current: DedupeContact }[] {
    return this.targets(contact).map(({ target, matchedBy }) => {
      const current = this.state.get(targetId(target));
      if (!current) throw new Error(`row ${JSON.stringify(target)} was forgotten; recall() it first`);
      return { target, matchedBy, current };
    });
  }

  /** Lines of the earlier rows `contact` matches that were forgotten and must be recalled. */
  forgotten(contact: DedupeContact): number[] {
    const targets = this.targets(contact);
    // Most rows of a file match nothing.
    if (targets.length === 0) return [];
    return targets
      .map((c) => c.target)
      .filter((t): t is { kind: 'row'; line: number } => t.kind === 'row' && !this.state.has(targetId(t)))
      .map((t) => t.line);
  }

  /** Hands back a forgotten row, as it was when it was added. */
  recall(line: number, contact: DedupeContact): void {
    this.state.set(targetId({ kind: 'row', line }), contact);
  }

  private targets(contact: DedupeContact): readonly { target: MatchTarget; matchedBy: MatchKey }[] {
    // forgotten() then candidates() ask for the same row's targets, with no add() in between.
    if (this.lastTargets?.contact === contact) return this.lastTargets.out;
    const keys = this.keysOf(contact);
    const out: { target: MatchTarget; matchedBy: MatchKey }[] = [];
    for (const kind of MATCH_KEYS) {
      for (const key of keys[kind]) {
        const at = this.byKey[kind].get(key);
        if (at === undefined) continue;
        const held = this.heldAt(at);
        for (const target of Array.isArray(held) ? held : [held])
          if (out.length === 0 || !out.some((o) => targetId(o.target) === targetId(target)))
            out.push({ target, matchedBy: kind });
      }
    }
    this.lastTargets = { contact, out };
    return out;
  }
}

/** Indexes the account's contacts for classifyRow. */
export function buildDedupeIndex(
  existing: Iterable<{ id: string; contact: DedupeContact }>,
  defaultRegion: CountryCode,
  forgetRows = false,
): DedupeIndex {
  const index = new DedupeIndex(defaultRegion, forgetRows);
  for (const { id, contact } of existing) index.add({ kind: 'existing', id }, contact);
  return index;
}

function dateText(d: DateParts): string {
  const md = `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return d.year === undefined ? `--${md}` : `${String(d.year).padStart(4, '0')}-${md}`;
}

function scalarText(c: DedupeContact, field: ScalarField): string | undefined {
  const v = c[field];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v.trim() || undefined : dateText(v);
}

/** Fields that merging `incoming` into `current` would change; an import fills and adds, never clears. */
export function contactChanges(
  current: DedupeContact,
  incoming: DedupeContact,
  defaultRegion: CountryCode,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SCALARS) {
    const to = scalarText(incoming, field);
    const from = scalarText(current, field);
    if (to === undefined || to === from) continue;
    // A date without a year adds nothing to the same date with one.
    if (
      (field === 'birthday' || field === 'anniversary') &&
      to.startsWith('--') &&
      from?.endsWith(to.slice(1))
    )
      continue;
    changes.push(from === undefined ? { field, to } : { field, from, to });
  }
  const added = (
    field: ListField,
    key: (v: string) => string,
    cur: readonly string[],
    inc: readonly string[],
  ) => {
    const have = new Set(cur.map(key));
    const fresh = inc.filter((v, i) => !have.has(key(v)) && inc.findIndex((w) => key(w) === key(v)) === i);
    if (fresh.length) changes.push({ field, added: fresh });
  };
  added(
    'emails',
    (v) => emailKey(v) ?? v,
    current.emails.map((e) => e.value),
    incoming.emails.map((e) => e.value),
  );
  added(
    'phones',
    (v) => phoneKey(v, defaultRegion) ?? v,
    current.phones.map((p) => p.value),
    incoming.phones.map((p) => p.value),
  );
  added(
    'links',
    urlKey,
    current.links.map((l) => l.url),
    incoming.links.map((l) => l.url),
  );
  added('tags', (t) => t.trim().toLowerCase(), current.tags ?? [], incoming.tags ?? []);
  if (incoming.hasPhoto && !current.hasPhoto) changes.push({ field: 'photo', to: PHOTO_CHANGE });
  return changes;
}

const urlKey = (u: string) => linkedinKey(u) ?? u.trim().toLowerCase().replace(/\/+$/, '');

/** `current` with `incoming` merged in (fill and add, never clear), for comparing later rows. */
export function mergedContact(
  current: DedupeContact,
  incoming: DedupeContact,
  region: CountryCode,
): DedupeContact {
  const out: DedupeContact = { ...current };
  for (const field of SCALARS) {
    const v = incoming[field];
    if (v !== undefined && v !== '') Object.assign(out, { [field]: v });
  }
  const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string) => {
    const seen = new Set(a.map(key));
    return [...a, ...b.filter((x) => !seen.has(key(x)))];
  };
  return {
    ...out,
    emails: union(current.emails, incoming.emails, (e) => emailKey(e.value) ?? e.value),
    phones: union(current.phones, incoming.phones, (p) => phoneKey(p.value, region) ?? p.value),
    links: union(current.links, incoming.links, (l) => urlKey(l.url)),
    tags: union(current.tags ?? [], incoming.tags ?? [], (t) => t.trim().toLowerCase()),
    ...((current.hasPhoto || incoming.hasPhoto) && { hasPhoto: true }),
  };
}
