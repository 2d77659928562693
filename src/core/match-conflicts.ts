import type { CountryCode } from 'libphonenumber-js';
import type { DedupeContact, MatchKey } from './duplicate-keys';
import { emailKey, foldText, linkedinKey } from './duplicate-keys';

/**
 * Keys that say who a person is. A shared phone (office line, family number), a shared inbox or a
 * common name at a large employer matches two people; a different value of one of these keys says
 * the match is someone else. One real Google export merged 696 people into 488 contacts without it.
 */
export const IDENTITY_KEYS = ['email', 'linkedin', 'name'] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

/** One identity key on which a matched pair disagrees: the row's value and the match's. */
export interface MatchConflict {
  key: IdentityKey;
  here: string;
  there: string;
}

const KEY_WORDS: Record<MatchKey | IdentityKey, string> = {
  uid: 'UID',
  email: 'e-mail',
  linkedin: 'LinkedIn profile',
  phone: 'phone',
  name_company: 'name and company',
  name: 'name',
};

/** Name tokens, or undefined when the "name" is really an address (a reader's fallback) or empty. */
function nameTokens(c: DedupeContact): string[] | undefined {
  const raw = `${c.firstName} ${c.lastName}`;
  if (raw.includes('@')) return undefined;
  const tokens = foldText(raw).split(' ').filter(Boolean);
  return tokens.length ? tokens : undefined;
}

/** "J" stands for "John"; every token of the shorter name must stand for one of the longer's. */
function namesAgree(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const fits = (t: string, u: string) => t === u || (t.length === 1 && u.startsWith(t));
  return short.every((t) => long.some((u) => fits(t, u) || fits(u, t)));
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length > 0 && b.length > 0 && !b.some((x) => set.has(x));
}

const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);

/**
 * The identity keys on which `incoming` contradicts `current`: both carry e-mails and share none,
 * both carry LinkedIn profiles and share none, or their names cannot be the same person's.
 */
export function matchConflicts(
  current: DedupeContact,
  incoming: DedupeContact,
  _region?: CountryCode,
): MatchConflict[] {
  const out: MatchConflict[] = [];
  const emailsA = defined(incoming.emails.map((e) => emailKey(e.value)));
  const emailsB = defined(current.emails.map((e) => emailKey(e.value)));
  if (disjoint(emailsA, emailsB)) out.push({ key: 'email', here: emailsA[0]!, there: emailsB[0]! });
  const inA = defined(incoming.links.map((l) => linkedinKey(l.url))).filter((k) => k.includes('/in/'));
  const inB = defined(current.links.map((l) => linkedinKey(l.url))).filter((k) => k.includes('/in/'));
  if (disjoint(inA, inB)) out.push({ key: 'linkedin', here: inA[0]!, there: inB[0]! });
  const nameA = nameTokens(incoming);
  const nameB = nameTokens(current);
  if (nameA && nameB && !namesAgree(nameA, nameB))
    out.push({
      key: 'name',
      here: `${incoming.firstName} ${incoming.lastName}`.trim(),
      there: `${current.firstName} ${current.lastName}`.trim(),
    });
  return out;
}

/** `same phone, different e-mail (b@x.org here, a@x.org in the match): a different person?` */
export function conflictReason(matchedBy: MatchKey, conflicts: readonly MatchConflict[]): string {
  const what = conflicts.map((c) => KEY_WORDS[c.key]).join(' and ');
  const detail = conflicts.map((c) => `${c.here} here, ${c.there} in the match`).join('; ');
  return `same ${KEY_WORDS[matchedBy]}, different ${what} (${detail}): a different person?`;
}
