import { ImapFlow } from 'imapflow';
import { parseHeaderBytes } from './header-fields';
import { MAIL_FIELDS, type MailItem, toMailMessage } from './mail-message';

export interface ImapAccount {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
}

/** Where one mailbox was left: its UIDVALIDITY, the last UID read, and its HIGHESTMODSEQ if offered. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
  modseq?: string;
}
export type ImapCursor = Record<string, MailboxCursor>;

/** The only fields capture fetches: headers, never bodies. */
const HEADERS = [
  'from',
  'to',
  'cc',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'subject',
  'list-unsubscribe',
  'list-id',
  'precedence',
  'auto-submitted',
];
/** UIDs per FETCH: a bounded command, and a resume point every few hundred messages. */
const FETCH_CHUNK = 500;

/** A failure of the server or the connection, in words a user can act on. */
export class ImapError extends Error {}

/** The fields imapflow and Node put on their errors, as strings when they are strings. */
function errorFields(error: unknown): {
  authenticationFailed: boolean;
  responseText?: string;
  code?: string;
  message?: string;
} {
  if (typeof error !== 'object' || error === null) return { authenticationFailed: false };
  const text = (key: string): string | undefined => {
    const v: unknown = Reflect.get(error, key);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    authenticationFailed: Reflect.get(error, 'authenticationFailed') === true,
    responseText: text('responseText'),
    code: text('code'),
    message: text('message'),
  };
}

export function describeImapError(error: unknown, account: Pick<ImapAccount, 'host' | 'port'>): string {
  const e = errorFields(error);
  if (e.authenticationFailed)
    return `authentication failed: the server says "${e.responseText ?? 'no'}" (check the user and the app password)`;
  if (e.code === 'ECONNREFUSED')
    return `could not connect to ${account.host}:${account.port}: the connection was refused`;
  if (e.code === 'ENOTFOUND') return `could not connect: there is no host called ${account.host}`;
  if (e.code === 'ETIMEDOUT' || e.code === 'CONNECT_TIMEOUT')
    return `could not connect to ${account.host}:${account.port}: it did not answer in time`;
  if (
    e.code === 'NoConnection' ||
    e.code === 'EConnectionClosed' ||
    /closed|ECONNRESET|socket/i.test(e.message ?? '')
  )
    return 'the connection to the mail server was lost during the sync; the next sync resumes where it stopped';
  return `the mail server failed: ${e.responseText ?? e.message ?? String(error)}`;
}

/** A message read from a mailbox, with where it was (so the cursor can move past it). */
export type ImapMail = MailItem & { sent: boolean; mailbox: string; uid: number };

/**
 * Reads the headers of INBOX, Sent and (on Gmail) All Mail: messages since `since` in a mailbox
 * seen for the first time or whose UIDVALIDITY changed, otherwise only UIDs after the cursor. With
 * CONDSTORE, a mailbox whose HIGHESTMODSEQ is unchanged is not searched at all. `position` is
 * updated before each message is yielded, so a consumer that stops can save exactly what it read.
 */
export async function* readImap(
  account: ImapAccount,
  since: Date,
  cursor: ImapCursor,
  position: ImapCursor,
): AsyncGenerator<ImapMail> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.tls,
    auth: { user: account.user, pass: account.password },
    logger: false,
    // Without it an unanswered server would hold the sync (and its lease) for minutes.
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // An 'error' event with no listener would crash the process; the failing command reports it.
  client.on('error', () => {});
  try {
    await client.connect();
    const boxes = await client.list();
    const wanted = boxes.filter(
      (b) => b.path.toUpperCase() === 'INBOX' || b.specialUse === '\\Sent' || b.specialUse === '\\All',
    );
    for (const box of wanted) {
      const sent = box.specialUse === '\\Sent';
      const lock = await client.getMailboxLock(box.path, { readOnly: true });
      try {
        const mailbox = client.mailbox;
        if (!mailbox) continue;
        const uidValidity = String(mailbox.uidValidity);
        const modseq = mailbox.highestModseq === undefined ? undefined : String(mailbox.highestModseq);
        const prev = cursor[box.path]?.uidValidity === uidValidity ? cursor[box.path] : undefined;
        position[box.path] = {
          uidValidity,
          lastUid: prev?.lastUid ?? 0,
          ...(prev?.modseq && { modseq: prev.modseq }),
        };
        if (prev && modseq !== undefined && prev.modseq === modseq) continue;
        const found = prev
          ? await client.search({ uid: `${prev.lastUid + 1}:*` }, { uid: true })
          : await client.search({ since }, { uid: true });
        const uids = (found || []).filter((u) => u > (prev?.lastUid ?? 0)).sort((a, b) => a - b);
        for (let i = 0; i < uids.length; i += FETCH_CHUNK) {
          const part = uids.slice(i, i + FETCH_CHUNK);
          for await (const msg of client.fetch(
            part,
            { uid: true, headers: HEADERS, labels: true },
            { uid: true },
          )) {
            const fields = parseHeaderBytes(msg.headers ?? Buffer.alloc(0), MAIL_FIELDS);
            const item = toMailMessage(fields, `${box.path} message ${msg.uid}`);
            if (item.ok && msg.labels) item.message.labels = [...msg.labels].map((l) => l.replace(/^\\/, ''));
            position[box.path] = { uidValidity, lastUid: msg.uid };
            yield { ...item, sent, mailbox: box.path, uid: msg.uid };
          }
        }
        // Read to the end: the next sync may skip this mailbox until something changes.
        position[box.path] = {
          uidValidity,
          lastUid: uids.at(-1) ?? prev?.lastUid ?? 0,
          ...(modseq && { modseq }),
        };
      } finally {
        lock.release();
      }
    }
    await client.logout();
  } catch (error) {
    throw new ImapError(describeImapError(error, account), { cause: error });
  } finally {
    // Also when the consumer stopped early (a failed write): never leave a connection open.
    if (client.usable) client.close();
  }
}
