import { isoDate, pad2 } from './dates.js';
import { escapeText, foldLine, paramValue } from './fold.js';
import { type ContactLike, linkKind, type PartialDate } from './imported-contact.js';

export type VCardVersion = '4.0' | '3.0';
export interface VCardOptions {
  /** 4.0 by default; 3.0 for older address books (and Google Contacts' importer). */
  version?: VCardVersion;
  /** A stable id (our contact id) so that re-imports into other apps update rather than duplicate. */
  uid?: string;
}

/** Labels we store → vCard TYPE values (and back, in the reader). */
const TYPE_OF_LABEL: Record<string, string> = { mobile: 'cell' };

function typeParam(label: string | undefined): string {
  if (!label) return '';
  // `work fax` → TYPE=fax,work: both are RFC 6350 types, so other apps see a fax, not a phone.
  const fax = /^(?:(work|home) )?fax$/i.exec(label.trim());
  if (fax) return `;TYPE=fax${fax[1] ? `,${fax[1].toLowerCase()}` : ''}`;
  const type = TYPE_OF_LABEL[label.toLowerCase()] ?? label.toLowerCase();
  return `;TYPE=${paramValue(type)}`;
}

function dateValue(d: PartialDate, version: VCardVersion): string {
  if (d.year === undefined)
    return version === '4.0' ? `--${pad2(d.month)}${pad2(d.day)}` : `--${pad2(d.month)}-${pad2(d.day)}`;
  const iso = isoDate({ year: d.year, month: d.month, day: d.day });
  return version === '4.0' ? iso.replaceAll('-', '') : iso;
}

/** Writes one contact as a vCard (CRLF line endings, escaped, folded at 75 octets). */
export function writeVCard(contact: ContactLike, options: VCardOptions = {}): string {
  const v = options.version ?? '4.0';
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${v}`];
  const add = (line: string) => lines.push(foldLine(line));
  if (options.uid) add(`UID:${escapeText(options.uid)}`);
  const fn = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  add(`FN:${escapeText(fn)}`);
  add(`N:${escapeText(contact.lastName)};${escapeText(contact.firstName)};;;`);
  for (const e of contact.emails ?? []) add(`EMAIL${typeParam(e.label)}:${escapeText(e.value)}`);
  for (const p of contact.phones ?? []) add(`TEL${typeParam(p.label)}:${escapeText(p.value)}`);
  if (contact.company) add(`ORG:${escapeText(contact.company)}`);
  if (contact.title) add(`TITLE:${escapeText(contact.title)}`);
  for (const link of contact.links ?? []) {
    // The kind is written only when the host would not say it, so other apps see a plain URL.
    const type = link.kind === linkKind(link.url) ? '' : `;TYPE=${link.kind}`;
    add(`URL${type}:${escapeText(link.url)}`);
  }
  if (contact.city || contact.country) {
    add(`ADR:;;;${escapeText(contact.city ?? '')};;;${escapeText(contact.country ?? '')}`);
  }
  if (contact.timeZone)
    add(v === '4.0' ? `TZ:${escapeText(contact.timeZone)}` : `TZ;VALUE=text:${escapeText(contact.timeZone)}`);
  if (contact.birthday) add(`BDAY:${dateValue(contact.birthday, v)}`);
  if (contact.anniversary)
    add(`${v === '4.0' ? 'ANNIVERSARY' : 'X-ANNIVERSARY'}:${dateValue(contact.anniversary, v)}`);
  if (contact.notes) add(`NOTE:${escapeText(contact.notes)}`);
  if (contact.tags?.length) add(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  if (contact.industry) add(`X-TEND-INDUSTRY:${escapeText(contact.industry)}`);
  if (contact.connectedOn) add(`X-TEND-CONNECTED-ON:${contact.connectedOn}`);
  if (contact.photo) {
    const { mediaType, base64 } = contact.photo;
    const subtype = mediaType.replace(/^image\//, '').toUpperCase();
    add(
      v === '4.0' ? `PHOTO:data:${mediaType};base64,${base64}` : `PHOTO;ENCODING=b;TYPE=${subtype}:${base64}`,
    );
  }
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}

/** Streams a .vcf file, one card per contact, so a large export is never built as one string. */
export async function* writeVCards(
  contacts: Iterable<ContactLike & { id?: string }> | AsyncIterable<ContactLike & { id?: string }>,
  options: Omit<VCardOptions, 'uid'> = {},
): AsyncGenerator<string> {
  for await (const contact of contacts) yield writeVCard(contact, { ...options, uid: contact.id });
}
