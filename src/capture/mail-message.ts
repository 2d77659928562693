import { createHash } from 'node:crypto';
import { type Mailbox, parseAddressList, parseMessageIds } from './addresses';
import { decodeEncodedWords } from './encoded-words';
import { field, type HeaderFields } from './header-fields';
import { parseMailDate } from './mail-date';

/** Why a message looks like bulk mail rather than a person writing (null when it does not). */
export type BulkSignal = 'list-unsubscribe' | 'precedence' | 'auto-submitted' | 'list-id' | 'no-reply' | null;

/** The metadata of one e-mail, all capture ever keeps of it (no body). */
export interface MailMessage {
  /** Message-ID, or a stable digest of Date/From/To/Subject when the message has none. */
  key: string;
  date: string;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  bulk: BulkSignal;
  /** Gmail's labels (X-Gmail-Labels in Takeout, X-GM-LABELS over IMAP): "Sent" marks outbound. */
  labels: string[];
}

export type MailItem = { ok: true; message: MailMessage } | { ok: false; error: string };

/** The header fields toMailMessage reads: a reader may skip every other one undecoded. */
export const MAIL_FIELDS: ReadonlySet<string> = new Set([
  'date',
  'from',
  'to',
  'cc',
  'subject',
  'message-id',
  'in-reply-to',
  'references',
  'list-unsubscribe',
  'precedence',
  'auto-submitted',
  'list-id',
  'x-gmail-labels',
  'x-gm-labels',
]);

const NO_REPLY =
  /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer-daemon|notifications?|bounces?)([+\-_.].*)?@/i;
// A subject is a summary, not a document: long ones are cut so one message cannot bloat the log.
const MAX_SUBJECT = 300;

function bulkSignal(fields: HeaderFields, from: Mailbox | null): BulkSignal {
  if (fields.has('list-unsubscribe')) return 'list-unsubscribe';
  const precedence = field(fields, 'precedence')?.toLowerCase();
  if (precedence && /bulk|list|junk/.test(precedence)) return 'precedence';
  const auto = field(fields, 'auto-submitted')?.toLowerCase();
  if (auto && auto !== 'no') return 'auto-submitted';
  if (fields.has('list-id')) return 'list-id';
  if (from && NO_REPLY.test(from.address)) return 'no-reply';
  return null;
}

/** Gmail's label list: comma-separated, a label with a comma is quoted. */
function parseLabels(value: string | undefined): string[] {
  if (!value) return [];
  // Without a quote the pattern below matches exactly the non-empty pieces between commas.
  if (!value.includes('"')) {
    const labels: string[] = [];
    for (const piece of value.split(',')) {
      const label = piece.trim();
      if (label !== '') labels.push(label);
    }
    return labels;
  }
  return [...value.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)]
    .map((m) => (m[1] ?? m[2] ?? '').trim())
    .filter((l) => l !== '');
}

/** The mailboxes of every value of an address field (To and Cc may each appear more than once). */
function addressesOf(values: string[] | undefined): Mailbox[] {
  if (!values) return [];
  return values.length === 1 ? parseAddressList(values[0]) : values.flatMap((v) => parseAddressList(v));
}

/** Turns header fields into a MailMessage, or says in words why it cannot (`at` names the message). */
export function toMailMessage(fields: HeaderFields, at: string): MailItem {
  const rawDate = field(fields, 'date');
  if (!rawDate) return { ok: false, error: `${at}: it has no Date header` };
  const ms = parseMailDate(rawDate);
  if (Number.isNaN(ms)) return { ok: false, error: `${at}: Date is not a date: ${rawDate.slice(0, 80)}` };
  const from = parseAddressList(field(fields, 'from'))[0] ?? null;
  const to = addressesOf(fields.get('to'));
  const cc = addressesOf(fields.get('cc'));
  const subject = decodeEncodedWords(field(fields, 'subject') ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SUBJECT);
  const date = new Date(ms).toISOString();
  const id = parseMessageIds(field(fields, 'message-id'))[0];
  const key =
    id ??
    `sha256:${createHash('sha256')
      .update([date, from?.address ?? '', to.map((m) => m.address).join(','), subject].join('\n'))
      .digest('hex')
      .slice(0, 32)}`;
  return {
    ok: true,
    message: {
      key,
      date,
      from,
      to,
      cc,
      subject,
      inReplyTo: parseMessageIds(field(fields, 'in-reply-to'))[0] ?? null,
      // A thread's references are capped: a runaway list is noise and must not grow without bound.
      references: parseMessageIds(field(fields, 'references')).slice(-50),
      bulk: bulkSignal(fields, from),
      labels: parseLabels(field(fields, 'x-gmail-labels') ?? field(fields, 'x-gm-labels')),
    },
  };
}
