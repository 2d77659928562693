import { linkedinKey } from '../core/duplicate-keys';
import { Invalid } from '../core/errors';
import type { Direction } from '../core/vocabulary';
import { type CsvTableRow, csvTable } from '../formats/csv-table';
import { decodeLines } from '../formats/decode';

/** A person in messages.csv: the profile key when the layout has one, and the name as written. */
export interface LinkedInPerson {
  /** `linkedin.com/in/<slug>` (as contact links are normalised), or `name:<lower-case name>`. */
  id: string;
  name: string;
  profile: string | null;
}

export interface LinkedInMessage {
  line: number;
  conversation: string;
  date: string;
  from: LinkedInPerson;
  to: LinkedInPerson[];
  subject: string;
  content: string;
  /** Old layouts say it themselves (DIRECTION: INCOMING / OUTGOING). */
  direction: Direction | null;
}

export type LinkedInItem = { ok: true; message: LinkedInMessage } | { ok: false; error: string };

/** messages.csv, current (CONVERSATION ID … RECIPIENT PROFILE URLS … FOLDER) and older layouts. */
export function isLinkedInMessagesHeader(names: Set<string>): boolean {
  return names.has('from') && names.has('date') && (names.has('content') || names.has('subject'));
}

export function nameId(name: string): string {
  return `name:${name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

function person(name: string, url: string): LinkedInPerson {
  const key = url ? linkedinKey(url) : undefined;
  return { id: key ?? nameId(name), name: name.trim(), profile: key ?? null };
}

/** LinkedIn writes `2024-03-12 14:05:09 UTC`; exports of 2018 wrote US `3/12/18, 2:05 PM`. */
export function linkedInDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:UTC|Z|GMT)?$/i.exec(
    text,
  );
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])[Mm]$/.exec(
    text,
  );
  let parts: number[];
  if (iso) parts = iso.slice(1, 7).map((p) => Number(p ?? 0));
  else if (us) {
    const [, m, d, y, h, min, s, ap] = us;
    const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
    const hour = (Number(h) % 12) + (ap!.toLowerCase() === 'p' ? 12 : 0);
    parts = [year, Number(m), Number(d), hour, Number(min), Number(s ?? 0)];
  } else return undefined;
  // Both branches above fill all six; the defaults only satisfy the index check.
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  return back.toISOString();
}

function split(cell: string): string[] {
  return cell
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function toMessage(row: CsvTableRow, keepContent: boolean): LinkedInItem {
  const date = linkedInDate(row.get('DATE'));
  if (!date)
    return { ok: false, error: `row ${row.line}: DATE is not a date: ${row.get('DATE').slice(0, 40)}` };
  const fromName = row.get('FROM');
  const fromUrl = row.get('SENDER PROFILE URL');
  if (!fromName && !fromUrl) return { ok: false, error: `row ${row.line}: FROM is empty` };
  const names = split(row.get('TO'));
  const urls = split(row.get('RECIPIENT PROFILE URLS'));
  // Names and URLs come in the same order; a name without its URL is matched by name.
  const count = Math.max(names.length, urls.length);
  const to = Array.from({ length: count }, (_, i) => person(names[i] ?? '', urls[i] ?? ''));
  const from = person(fromName, fromUrl);
  const dir = row.get('DIRECTION').toUpperCase();
  const direction: Direction | null = dir === 'OUTGOING' ? 'outbound' : dir === 'INCOMING' ? 'inbound' : null;
  const conversation =
    row.get('CONVERSATION ID') ||
    // Without ids, a conversation is its pair of people (old layouts had one-to-one messages only).
    [from.id, ...to.map((p) => p.id)].sort().join('|');
  return {
    ok: true,
    message: {
      line: row.line,
      conversation,
      date,
      from,
      to,
      subject: row.get('SUBJECT') || row.get('CONVERSATION TITLE'),
      content: keepContent ? row.get('CONTENT') : '',
      direction,
    },
  };
}

/** Streams the messages of a LinkedIn messages.csv; a row that is not a message is an error naming it. */
export async function* readLinkedInMessages(
  file: AsyncIterable<Uint8Array>,
  opts: { keepContent: boolean },
): AsyncGenerator<LinkedInItem> {
  for await (const row of csvTable(decodeLines(file), isLinkedInMessagesHeader, 'LinkedIn messages.csv')) {
    if ('error' in row) yield { ok: false, error: row.error };
    else yield toMessage(row, opts.keepContent);
  }
}

/**
 * The user's own side: given (a profile URL or a name), or the only person who is in every
 * conversation, or the sender of the rows old layouts mark OUTGOING. Never a guess: when the file
 * cannot tell (one conversation has two people, both in "every" conversation), `ownProfileUrl` must.
 */
export function ownSide(
  messages: readonly LinkedInMessage[],
  given: { profileUrl?: string; name?: string },
): string {
  if (given.profileUrl) {
    const key = linkedinKey(given.profileUrl);
    if (!key) throw new Invalid(`not a LinkedIn profile URL: ${given.profileUrl}`, 'ownProfileUrl');
    return key;
  }
  if (given.name) return nameId(given.name);
  const outgoing = messages.find((m) => m.direction === 'outbound');
  if (outgoing) return outgoing.from.id;
  const byConversation = new Map<string, Set<string>>();
  for (const m of messages) {
    const people = byConversation.get(m.conversation) ?? new Set<string>();
    byConversation.set(m.conversation, people);
    people.add(m.from.id);
    for (const p of m.to) people.add(p.id);
  }
  let common: Set<string> | undefined;
  for (const people of byConversation.values())
    common = common ? new Set([...common].filter((p) => people.has(p))) : new Set(people);
  const candidates = [...(common ?? [])];
  if (candidates.length === 1) return candidates[0]!;
  throw new Invalid(
    candidates.length === 0
      ? 'no one is in every conversation of this file, so it cannot tell which side is yours: give ownProfileUrl'
      : `${candidates.length} people are in every conversation of this file, so it cannot tell which is you: give ownProfileUrl`,
    'ownProfileUrl',
  );
}
