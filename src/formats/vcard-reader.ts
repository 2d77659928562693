import { IANAZone } from 'luxon';
import { isOneOf } from '../core/one-of';
import { LINK_KINDS } from '../core/vocabulary';
import { parseLooseDate, readDate } from './dates';
import { decodeLines } from './decode';
import { splitName } from './google-csv';
import {
  emptyContact,
  type ImportedContact,
  type ImportRow,
  type LinkKind,
  linkKind,
  type PartialDate,
  type ReadOptions,
  setText,
} from './imported-contact';
import { addEmail, addTags, addValue, dateWarning, RowError, type Warn } from './row-helpers';
import {
  type ContentLine,
  decodeQuotedPrintable,
  parseContentLine,
  splitValue,
  unescapeText,
  unfold,
} from './vcard-lines';

/** A card with more properties than this is refused (hostile input), keeping memory bounded. */
const MAX_PROPERTIES = 5_000;
const isLinkKind = (t: string): t is LinkKind => isOneOf(LINK_KINDS, t);
/** TYPE values that say nothing a person would call a label. */
const NOISE_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'text', 'uri']);

/** Streams contacts from a .vcf file (vCard 2.1, 3.0 or 4.0; several cards per file). */
export function readVCards(source: AsyncIterable<Uint8Array>): AsyncGenerator<ImportRow> {
  return vcardRows(decodeLines(source));
}

/** The same from already-decoded lines; a card without END:VCARD is an error, the others come through. */
export async function* vcardRows(
  lines: AsyncIterable<string>,
  _opts: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  let card: ContentLine[] | undefined;
  let start = 0;
  let problem: string | undefined;
  /** The line of a photo dropped for its size, reported as the card's warning. */
  let bigPhoto: number | undefined;
  const file: FileHints = { charset: undefined };
  for await (const logical of unfold(lines)) {
    const upper = logical.text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card)
        yield { line: start, error: `card at line ${start}: no END:VCARD before the next BEGIN:VCARD` };
      card = [];
      start = logical.line;
      problem = undefined;
      bigPhoto = undefined;
    } else if (upper === 'END:VCARD') {
      if (!card) continue;
      yield problem
        ? { line: start, error: `card at line ${start}: ${problem}` }
        : buildRow(card, start, file, bigPhoto);
      card = undefined;
    } else if (card && !problem) {
      // vCard 2.1 writes base64 in lines of their own, not indented, up to an empty line.
      const last = card.at(-1);
      if (last && isBase64Photo(last) && BASE64_LINE.test(logical.text)) {
        if (last.value.length < MAX_PHOTO_CHARS) last.value += logical.text.trim();
        else {
          // Dropped whole: a cut-off photo would only fail later as an unreadable image.
          card.pop();
          bigPhoto ??= logical.line;
        }
        continue;
      }
      const prop = parseContentLine(logical.text, logical.line);
      if (logical.tooLong) {
        // An oversized photo is dropped rather than costing the whole contact.
        if (prop?.name !== 'PHOTO') problem = `line ${logical.line} is too long`;
        else bigPhoto ??= logical.line;
      } else if (prop) {
        const charset = prop.params.get('CHARSET')?.[0];
        if (charset && !/^utf-?8$/i.test(charset)) file.charset = charset;
        card.push(prop);
        if (card.length > MAX_PROPERTIES) problem = `more than ${MAX_PROPERTIES} properties`;
      }
    }
  }
  if (card) yield { line: start, error: `card at line ${start}: the file ends before END:VCARD` };
}

/** What one card tells about the others: the 8-bit charset its lines declare. */
interface FileHints {
  charset: string | undefined;
}

/** A base64 line with no property name (`/9j/4AAQSkZJRg…`). */
const BASE64_LINE = /^\s*[A-Za-z0-9+/]+={0,2}\s*$/;
/** About 3 MB of image: a larger photo is dropped (see photoOf), the contact kept. */
const MAX_PHOTO_CHARS = 4 * 1024 * 1024;

function isBase64Photo(p: ContentLine): boolean {
  const encoding = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const types = (p.params.get('TYPE') ?? []).map((t) => t.toUpperCase());
  return p.name === 'PHOTO' && (encoding === 'BASE64' || encoding === 'B' || types.includes('BASE64'));
}

function buildRow(props: ContentLine[], line: number, file: FileHints, bigPhoto?: number): ImportRow {
  try {
    const warnings: string[] = [];
    if (bigPhoto !== undefined)
      warnings.push(
        `card at line ${line}: the photo at line ${bigPhoto} is larger than about 3 MB; the photo was skipped`,
      );
    const contact = toContact(props, file, (message) => warnings.push(`card at line ${line}: ${message}`));
    if (!contact.firstName) return { line, error: `card at line ${line}: no name (N and FN are empty)` };
    return warnings.length ? { line, contact, warnings } : { line, contact };
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    return { line, error: `card at line ${line}: ${e.message}` };
  }
}

/**
 * Transfer decoding (QUOTED-PRINTABLE, inline base64) in the declared CHARSET; escapes left in place.
 * Without a CHARSET the bytes are tried as UTF-8, then (`=F1` alone is not UTF-8) in the charset
 * other lines of the file declare, else Windows-1252 — never a U+FFFD where a letter was.
 */
function rawText(p: ContentLine, file?: FileHints): string {
  const encoding = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const declared = p.params.get('CHARSET')?.[0];
  const types = p.params.get('TYPE') ?? [];
  if (encoding === 'QUOTED-PRINTABLE' || types.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE')) {
    const text = decodeQuotedPrintable(p.value, declared ?? 'utf-8');
    if (declared || !text.includes('\uFFFD')) return text;
    return decodeQuotedPrintable(p.value, file?.charset ?? 'windows-1252');
  }
  if (encoding === 'B' || encoding === 'BASE64') return Buffer.from(p.value, 'base64').toString('utf8');
  return p.value;
}

/** The text of a property: unescaped (also Gmail's and Apple's `\"`), line breaks as LF only. */
const text = (p: ContentLine, file?: FileHints) =>
  unescapeText(rawText(p, file)).replace(/\r\n?/g, '\n').trim();

/** Apple's fax labels, as Tend writes fax types. */
const APPLE_LABELS: Record<string, string> = { homefax: 'home fax', workfax: 'work fax', otherfax: 'fax' };

function labelOf(p: ContentLine, groupLabels: Map<string, string>, kind?: string): string | undefined {
  const fromGroup = p.group ? groupLabels.get(p.group) : undefined;
  // `$!<Email>!$` on an e-mail says nothing more than that it is one.
  if (fromGroup && fromGroup !== kind && fromGroup !== 'e-mail' && fromGroup !== 'phone')
    return APPLE_LABELS[fromGroup] ?? fromGroup;
  const types = (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()).filter((t) => !NOISE_TYPES.has(t));
  // A fax keeps its type (`work fax`): it is not a number to call.
  if (types.includes('fax')) {
    const where = types.find((t) => t === 'work' || t === 'home');
    return where ? `${where} fax` : 'fax';
  }
  const type = types.find((t) => !t.startsWith('x-') && t !== 'quoted-printable') ?? types[0];
  return type === 'cell' ? 'mobile' : type?.replace(/^x-/, '');
}

/** iPhone labels look like `_$!<Mobile>!$_` (some exporters drop the underscores); custom ones are plain text. */
function appleLabel(value: string): string {
  return (/^_?\$!<(.*)>!\$_?$/.exec(value)?.[1] ?? value).trim().toLowerCase();
}

/** A date property, or undefined with a warning (the contact is kept) when it cannot be read. */
function dateOf(p: ContentLine, warn: Warn): PartialDate | undefined {
  const raw = text(p);
  if (!raw || (p.params.get('VALUE')?.[0] ?? '').toLowerCase() === 'text') return undefined;
  const date = readDate(raw);
  if (typeof date === 'string') {
    warn(dateWarning(p.name, raw, date));
    return undefined;
  }
  // Apple stores "no year" as year 1604 with X-APPLE-OMIT-YEAR=1604.
  const omit = p.params.get('X-APPLE-OMIT-YEAR')?.[0];
  if (omit && Number(omit) === date.year) delete date.year;
  return date;
}

/** What the bytes are, from their first bytes (as base64): the TYPE a file declares is often wrong or absent. */
const MAGIC: [prefix: string, mediaType: string][] = [
  ['/9j/', 'image/jpeg'],
  ['iVBORw0KGgo', 'image/png'],
  ['R0lGOD', 'image/gif'],
  ['UklGR', 'image/webp'],
];

function photoOf(p: ContentLine, warn: Warn): ImportedContact['photo'] {
  const value = p.value.replace(/\s+/g, '');
  const data = /^data:([\w.+-]+\/[\w.+-]+)(?:;[^,]*)?;base64,(.*)$/i.exec(value);
  const base64 = data ? data[2]! : value;
  // Apple writes `PHOTO;BASE64:` (a bare parameter, read as a TYPE).
  if (!data && !isBase64Photo(p)) return undefined;
  if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) {
    warn('the photo is not valid base64; the photo was skipped');
    return undefined;
  }
  const sniffed = MAGIC.find(([prefix]) => base64.startsWith(prefix))?.[1];
  // Not an image we can show (HEIC, garbage): dropped with a warning, the contact kept.
  if (!sniffed) warn('the photo is not a JPEG, PNG, GIF or WebP image; the photo was skipped');
  return sniffed ? { mediaType: sniffed, base64 } : undefined;
}

function socialUrl(p: ContentLine): string | undefined {
  const value = text(p);
  return /^https?:\/\//i.test(value) || /^[\w.-]+\.[a-z]{2,}\//i.test(value) ? value : undefined;
}

function setUid(contact: ImportedContact, uid: string): void {
  if (uid) contact.uid = uid;
}

function toContact(props: ContentLine[], file: FileHints, warn: Warn): ImportedContact {
  const groupLabels = new Map<string, string>();
  for (const p of props)
    if (p.group && p.name === 'X-ABLABEL') groupLabels.set(p.group, appleLabel(text(p, file)));
  const contact = emptyContact('', '');
  let fn = '';
  const notes: string[] = [];
  for (const p of props) {
    switch (p.name) {
      case 'N': {
        const [family = '', given = ''] = splitValue(rawText(p, file), ';').map((s) => s.trim());
        contact.firstName = given;
        contact.lastName = family;
        break;
      }
      case 'FN':
        fn = text(p, file);
        break;
      case 'UID':
        setUid(contact, text(p));
        break;
      case 'EMAIL':
        addEmail(contact.emails, text(p, file), labelOf(p, groupLabels, 'email'), warn, 'EMAIL');
        break;
      case 'TEL':
        addValue(contact.phones, text(p, file).replace(/^tel:/i, ''), labelOf(p, groupLabels, 'tel'));
        break;
      case 'ORG':
        contact.company ??= splitValue(rawText(p, file), ';')[0]?.trim() || undefined;
        break;
      case 'TITLE':
        setText(contact, 'title', contact.title ?? text(p, file));
        break;
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const url = p.name === 'URL' ? text(p) : socialUrl(p);
        if (!url) break;
        const type = (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()).find(isLinkKind);
        contact.links.push({ kind: type ?? linkKind(url), url });
        break;
      }
      case 'ADR': {
        if (contact.city || contact.country) break;
        const parts = splitValue(rawText(p, file), ';').map((s) => s.trim());
        setText(contact, 'city', parts[3]);
        setText(contact, 'country', parts[6]);
        break;
      }
      case 'TZ': {
        const zone = text(p);
        if (IANAZone.isValidZone(zone)) contact.timeZone = zone;
        break;
      }
      case 'BDAY':
        contact.birthday = dateOf(p, warn) ?? contact.birthday;
        break;
      case 'ANNIVERSARY':
      case 'X-ANNIVERSARY':
      case 'X-MS-ANNIVERSARY':
      case 'X-EVOLUTION-ANNIVERSARY':
      case 'X-WAB-WEDDING_ANNIVERSARY':
        contact.anniversary = dateOf(p, warn) ?? contact.anniversary;
        break;
      case 'X-ABDATE':
        if (p.group && groupLabels.get(p.group) === 'anniversary') contact.anniversary ??= dateOf(p, warn);
        break;
      case 'NOTE':
        if (text(p, file)) notes.push(text(p, file));
        break;
      case 'CATEGORIES':
        addTags(contact.tags, splitValue(rawText(p, file), ','));
        break;
      case 'PHOTO':
        contact.photo ??= photoOf(p, warn);
        break;
      case 'X-TEND-INDUSTRY':
        setText(contact, 'industry', text(p));
        break;
      case 'X-TEND-CONNECTED-ON':
        if (parseLooseDate(text(p))?.year) contact.connectedOn = text(p);
        break;
    }
  }
  if (!contact.firstName) {
    const family = contact.lastName;
    if (family && fn && fn.toLowerCase() !== family.toLowerCase()) {
      // N:Spahn with FN:Michael Spahn or FN:Michael: the family name stays, FN gives the rest.
      const given = fn.toLowerCase().endsWith(family.toLowerCase()) ? fn.slice(0, -family.length).trim() : fn;
      contact.firstName = given || family;
      contact.lastName = given ? family : '';
    } else {
      const [first, last] = splitName(fn);
      contact.firstName = first || family;
      contact.lastName = first ? last : '';
    }
  }
  if (notes.length) contact.notes = notes.join('\n\n');
  for (const key of ['company', 'birthday', 'anniversary', 'photo'] as const) {
    if (contact[key] === undefined) delete contact[key];
  }
  return contact;
}
