import { Invalid } from '../core/errors.js';
import type { DateOrder } from './dates.js';

/** One contact as read from an import file; every reader in this folder yields these. */
export interface ImportedContact {
  /** The vCard UID, when the file has one (Tend's own export writes the contact id). */
  uid?: string;
  /** Required: non-empty after trim, else the row is an error. */
  firstName: string;
  lastName: string;
  emails: { value: string; label?: string }[];
  phones: { value: string; label?: string }[];
  links: { kind: LinkKind; url: string }[];
  company?: string;
  title?: string;
  industry?: string;
  city?: string;
  country?: string;
  timeZone?: string;
  notes?: string;
  tags: string[];
  /** YYYY-MM-DD */
  connectedOn?: string;
  birthday?: PartialDate;
  anniversary?: PartialDate;
  /** Kept for writers and callers that want it; callers may drop it. */
  photo?: { mediaType: string; base64: string };
}

export type LinkKind = 'linkedin' | 'website' | 'twitter' | 'github' | 'other';
/** A calendar date whose year may be unknown (a birthday without a year). */
export interface PartialDate {
  month: number;
  day: number;
  year?: number;
}

/** A reader's output: a contact, or an error that names the row and field. `line` is 1-based. */
export type ImportRow =
  /** `warnings`: optional fields that could not be read and were left out; the contact is still imported. */
  | { line: number; contact: ImportedContact; warnings?: string[] }
  /** `name`: the row's name as written, when the row could be read far enough to have one (error reports). */
  | { line: number; error: string; name?: string };

/**
 * What a reader is told and tells back besides rows. `order`: how to read 3/4/1991 when the file
 * does not say; `skippedEmpty` grows by one for each row with nothing in it (LinkedIn writes
 * `,,,,,,08 Nov 2025` for members who left): not a contact, not an error.
 */
export interface ReadOptions {
  order?: DateOrder | undefined;
  stats?: { skippedEmpty: number };
}

/** What writers accept: names are required, everything else may be left out. */
export type ContactLike = Pick<ImportedContact, 'firstName' | 'lastName'> &
  Partial<Omit<ImportedContact, 'firstName' | 'lastName'>>;

/** A whole-file problem (empty, binary, unknown format): the only thing a reader throws. */
export class ImportFileError extends Invalid {}

/** A contact with no data but the names, for readers to fill in. */
export function emptyContact(firstName: string, lastName: string): ImportedContact {
  return { firstName, lastName, emails: [], phones: [], links: [], tags: [] };
}

/** Classifies a URL by host: linkedin.com, twitter.com/x.com, github.com, else website. */
export function linkKind(url: string): LinkKind {
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase() ?? '';
  const is = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (is('linkedin.com')) return 'linkedin';
  if (is('twitter.com') || is('x.com')) return 'twitter';
  if (is('github.com')) return 'github';
  return 'website';
}

/** Drops empty optional strings so that `{ company: '' }` never reaches a caller. */
export function setText<K extends TextField>(
  contact: ImportedContact,
  key: K,
  value: string | undefined,
): void {
  const text = value?.trim();
  if (text) contact[key] = text;
}
type TextField = 'company' | 'title' | 'industry' | 'city' | 'country' | 'timeZone' | 'notes' | 'connectedOn';
