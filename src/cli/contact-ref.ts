import { type Contact, ContactPage } from '../contract/contacts';
import { CliError, call, query, type Transport } from './transport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The contacts a name means: an exact full name wins over a first name shared by several. */
export function matchName(contacts: Contact[], name: string): Contact[] {
  const wanted = norm(name);
  const full = contacts.filter((c) => norm(c.displayName) === wanted);
  return full.length ? full : contacts.filter((c) => norm(c.firstName) === wanted);
}

/** An id as given, or the one contact whose name matches; several matches are listed, so the user can pick. */
export async function resolveContactId(t: Transport, ref: string): Promise<string> {
  if (UUID.test(ref.trim())) return ref.trim();
  const page = await call(t, 'GET', `/api/v1/contacts${query({ q: ref, limit: 500 })}`, ContactPage);
  const matches = matchName(page.items, ref);
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new CliError(`contact '${ref}' not found (give an id or an exact name)`);
  const list = matches.map((c) => `${c.displayName} (${c.id})`).join(', ');
  throw new CliError(`'${ref}' matches ${matches.length} contacts; use an id: ${list}`);
}
