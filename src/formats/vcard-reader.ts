import { IANAZone } from 'luxon';
import { parseLooseDate } from './dates';
import { decodeLines } from './decode';
import { splitName } from './google-csv';
import {
  emptyContact,
  type ImportedContact,
  type ImportRow,
  type LinkKind,
  linkKind,
  type PartialDate,
  setText,
} from './imported-contact';
import { addTags, addValue, RowError } from './row-helpers';
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
const LINK_KINDS = new Set<string>(['linkedin', 'website', 'twitter', 'github', 'other']);
/** TYPE values that say nothing a person would call a label. */
const NOISE_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'text', 'uri']);

/** Streams contacts from a .vcf file (vCard 2.1, 3.0 or 4.0; several cards per file). */
export function readVCards(source: AsyncIterable<Uint8Array>): AsyncGenerator<ImportRow> {
  return vcardRows(decodeLines(source));
}

/** The same from already-decoded lines; a card without END:VCARD is an error, the others come through. */
export async function* vcardRows(lines: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  let card: ContentLine[] | undefined;
  let start = 0;
  let problem: string | undefined;
  for await (const logical of unfold(lines)) {
    const upper = logical.text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card)
        yield { line: start, error: `card at line ${start}: no END:VCARD before the next BEGIN:VCARD` };
      card = [];
      start = logical.line;
      problem = undefined;
    } else if (upper === 'END:VCARD') {
      if (!card) continue;
      yield problem ? { line: start, error: `card at line ${start}: ${problem}` } : buildRow(card, start);
      card = undefined;
    } else if (card && !problem) {
      const prop = parseContentLine(logical.text, logical.line);
      if (logical.tooLong) {
        // An oversized photo is dropped rather than costing the whole contact.
        if (prop?.name !== 'PHOTO') problem = `line ${logical.line} is too long`;
      } else if (prop) {
        card.push(prop);
        if (card.length > MAX_PROPERTIES) problem = `more than ${MAX_PROPERTIES} properties`;
      }
    }
  }
  if (card) yield { line: start, error: `card at line ${start}: the file ends before END:VCARD` };
}

function buildRow(props: ContentLine[], line: number): ImportRow {
  try {
    const contact = toContact(props);
    if (!contact.firstName) return { line, error: `card at line ${line}: no name (N and FN are empty)` };
    return { line, contact };
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    return { line, error: `card at line ${line}: ${e.message}` };
  }
}

/** Transfer decoding (QUOTED-PRINTABLE, inline base64) in the declared CHARSET; escapes left in place. */
function rawText(p: ContentLine): string {
  const encoding = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const charset = p.params.get('CHARSET')?.[0] ?? 'utf-8';
  const types = p.params.get('TYPE') ?? [];
  if (encoding === 'QUOTED-PRINTABLE' || types.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE')) {
    return decodeQuotedPrintable(p.value, charset);
  }
  if (encoding === 'B' || encoding === 'BASE64') return Buffer.from(p.value, 'base64').toString('utf8');
  return p.value;
}

const text = (p: ContentLine) => unescapeText(rawText(p)).trim();

function labelOf(p: ContentLine, groupLabels: Map<string, string>): string | undefined {
  const fromGroup = p.group ? groupLabels.get(p.group) : undefined;
  if (fromGroup) return fromGroup;
  const types = (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()).filter((t) => !NOISE_TYPES.has(t));
  const type = types.find((t) => !t.startsWith('x-') && t !== 'quoted-printable') ?? types[0];
  return type === 'cell' ? 'mobile' : type?.replace(/^x-/, '');
}

/** iPhone labels look like `_$!<Mobile>!$_`; custom ones are plain text. */
function appleLabel(value: string): string {
  return (/^_\$!<(.*)>!\$_$/.exec(value)?.[1] ?? value).trim().toLowerCase();
}

function dateOf(p: ContentLine): PartialDate | undefined {
  const raw = text(p);
  if (!raw || (p.params.get('VALUE')?.[0] ?? '').toLowerCase() === 'text') return undefined;
  const date = parseLooseDate(raw);
  if (!date) throw new RowError(`'${p.name}' is not a date: ${raw}`);
  // Apple stores "no year" as year 1604 with X-APPLE-OMIT-YEAR=1604.
  const omit = p.params.get('X-APPLE-OMIT-YEAR')?.[0];
  if (omit && Number(omit) === date.year) delete date.year;
  return date;
}

function photoOf(p: ContentLine): ImportedContact['photo'] {
  const value = p.value.replace(/\s+/g, '');
  const data = /^data:([\w.+-]+\/[\w.+-]+)(?:;[^,]*)?;base64,(.*)$/i.exec(value);
  if (data) return { mediaType: data[1]!.toLowerCase(), base64: data[2]! };
  const encoding = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding !== 'B' && encoding !== 'BASE64') return undefined;
  if (!/^[A-Za-z0-9+/]+=*$/.test(value)) return undefined;
  const type = (p.params.get('TYPE') ?? []).find((t) => /^(image\/)?(jpe?g|png|gif|webp|heic|bmp)$/i.test(t));
  const subtype = (type ?? 'jpeg')
    .toLowerCase()
    .replace(/^image\//, '')
    .replace(/^jpg$/, 'jpeg');
  return { mediaType: `image/${subtype}`, base64: value };
}

function socialUrl(p: ContentLine): string | undefined {
  const value = text(p);
  return /^https?:\/\//i.test(value) || /^[\w.-]+\.[a-z]{2,}\//i.test(value) ? value : undefined;
}

function toContact(props: ContentLine[]): ImportedContact {
  const groupLabels = new Map<string, string>();
  for (const p of props) if (p.group && p.name === 'X-ABLABEL') groupLabels.set(p.group, appleLabel(text(p)));
  const contact = emptyContact('', '');
  let fn = '';
  const notes: string[] = [];
  for (const p of props) {
    switch (p.name) {
      case 'N': {
        const [family = '', given = ''] = splitValue(rawText(p), ';').map((s) => s.trim());
        contact.firstName = given;
        contact.lastName = family;
        break;
      }
      case 'FN':
        fn = text(p);
        break;
      case 'EMAIL':
        addValue(contact.emails, text(p), labelOf(p, groupLabels));
        break;
      case 'TEL':
        addValue(contact.phones, text(p).replace(/^tel:/i, ''), labelOf(p, groupLabels));
        break;
      case 'ORG':
        contact.company ??= splitValue(rawText(p), ';')[0]?.trim() || undefined;
        break;
      case 'TITLE':
        setText(contact, 'title', contact.title ?? text(p));
        break;
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const url = p.name === 'URL' ? text(p) : socialUrl(p);
        if (!url) break;
        const type = (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()).find((t) => LINK_KINDS.has(t));
        contact.links.push({ kind: (type as LinkKind | undefined) ?? linkKind(url), url });
        break;
      }
      case 'ADR': {
        if (contact.city || contact.country) break;
        const parts = splitValue(rawText(p), ';').map((s) => s.trim());
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
        contact.birthday = dateOf(p) ?? contact.birthday;
        break;
      case 'ANNIVERSARY':
      case 'X-ANNIVERSARY':
      case 'X-MS-ANNIVERSARY':
        contact.anniversary = dateOf(p) ?? contact.anniversary;
        break;
      case 'X-ABDATE':
        if (p.group && groupLabels.get(p.group) === 'anniversary') contact.anniversary ??= dateOf(p);
        break;
      case 'NOTE':
        if (text(p)) notes.push(text(p));
        break;
      case 'CATEGORIES':
        addTags(contact.tags, splitValue(rawText(p), ','));
        break;
      case 'PHOTO':
        contact.photo ??= photoOf(p);
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
    const [first, last] = splitName(fn);
    contact.firstName = first || contact.lastName;
    contact.lastName = first ? last : '';
  }
  if (notes.length) contact.notes = notes.join('\n\n');
  for (const key of ['company', 'birthday', 'anniversary', 'photo'] as const) {
    if (contact[key] === undefined) delete contact[key];
  }
  return contact;
}
