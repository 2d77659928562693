import type { Direction } from './vocabulary.js';

/** Threads and events with more people than this are crowds, not relationships, and are skipped. */
export const MAX_PEOPLE = 20;

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form addresses are compared in: lower case, without a +tag, and for Gmail without dots in the
 * local part (Gmail delivers ada.l+x@gmail.com to adal@gmail.com, so they are one person).
 */
export function normaliseAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address.trim().toLowerCase();
  let local = address.slice(0, at).trim().toLowerCase();
  let domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/** The part of a message the rules read: addresses as written, and whether it looks like bulk mail. */
export interface MessageShape {
  from: string | null;
  to: readonly string[];
  cc: readonly string[];
  bulk: boolean;
  /** The mail store says it was sent by the user (Gmail's "Sent" label, the Sent mailbox). */
  sent: boolean;
}

/** Who the user is and whom Tend knows, already normalised. */
export interface CaptureContext {
  own: ReadonlySet<string>;
  excludedDomains: ReadonlySet<string>;
  contactOf(normalised: string): { id: string; capture: boolean } | undefined;
}

export type SkipReason = 'bulk' | 'crowd' | 'own' | 'excluded_domain' | 'dont_capture' | 'unknown';

export type CaptureDecision =
  | { kind: 'capture'; direction: Direction; contactIds: string[] }
  /** `strangers` are the counterparts no contact has: candidates for "people you write to". */
  | { kind: 'skip'; reason: SkipReason; strangers: string[] };

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

function excluded(address: string, domains: ReadonlySet<string>): boolean {
  let d = domainOf(address);
  for (;;) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

/** Decides whether a message becomes interactions, with whom and in which direction — or why not. */
export function decideCapture(message: MessageShape, ctx: CaptureContext): CaptureDecision {
  const skip = (reason: SkipReason, strangers: string[] = []): CaptureDecision => ({
    kind: 'skip',
    reason,
    strangers,
  });
  if (message.bulk) return skip('bulk');
  const from = message.from ? normaliseAddress(message.from) : null;
  const recipients = [...message.to, ...message.cc].map(normaliseAddress);
  const people = new Set(from ? [from, ...recipients] : recipients);
  if (people.size > MAX_PEOPLE) return skip('crowd');
  const outbound = message.sent || (from !== null && ctx.own.has(from));
  // Inbound: the sender reached out; the other recipients were only copied.
  const counterparts = [...new Set(outbound ? recipients : from ? [from] : [])].filter(
    (a) => !ctx.own.has(a),
  );
  if (counterparts.length === 0) return skip('own');
  const allowed = counterparts.filter((a) => !excluded(a, ctx.excludedDomains));
  if (allowed.length === 0) return skip('excluded_domain');
  const ids: string[] = [];
  const strangers: string[] = [];
  let refused = false;
  for (const a of allowed) {
    const contact = ctx.contactOf(a);
    if (!contact) strangers.push(a);
    else if (!contact.capture) refused = true;
    else if (!ids.includes(contact.id)) ids.push(contact.id);
  }
  if (ids.length > 0)
    return { kind: 'capture', direction: outbound ? 'outbound' : 'inbound', contactIds: ids };
  return refused ? skip('dont_capture') : skip('unknown', strangers);
}
