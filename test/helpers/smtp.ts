import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  headers: Map<string, string>;
  text: string | null;
  html: string | null;
  raw: string;
}

/** How the server treats the next messages: accept, refuse at RCPT or DATA, or drop the connection mid-way. */
export type SmtpMode = 'accept' | 'reject-rcpt' | 'reject-data' | 'drop';

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  mode: SmtpMode;
  close(): Promise<void>;
}

// RFC 2047 encoded words, as nodemailer writes non-ASCII headers.
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_w, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), decodeWords(line.slice(at + 1).trim()));
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Just enough MIME for what nodemailer sends: one text part, or multipart/alternative with text and HTML. */
export function parseMail(raw: string, envelopeTo: string[] = []): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const type = headers.get('content-type') ?? 'text/plain';
  const mail: ReceivedMail = { envelopeTo, headers, text: null, html: null, raw };
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => p.replace(/^\r\n/, ''))
    : [raw];
  for (const part of parts) {
    const at = part.indexOf('\r\n\r\n');
    const h = parseHeaders(part.slice(0, at));
    // Lines travel as CRLF on the wire; a mail client shows them as line breaks.
    const content = decodeBody(
      part.slice(at + 4).replace(/\r\n$/, ''),
      h.get('content-transfer-encoding'),
    ).replace(/\r\n/g, '\n');
    if ((h.get('content-type') ?? '').startsWith('text/html')) mail.html = content;
    else mail.text = content;
  }
  return mail;
}

/** A real SMTP server on a free loopback port that keeps what it accepted. */
export async function startSmtp(mode: SmtpMode = 'accept'): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const state: TestSmtp = { url: '', received, mode, close: async () => {} };
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.mode === 'reject-rcpt') {
        callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 }));
        return;
      }
      if (state.mode === 'drop') {
        // Gone without a word, as a crashed or unplugged server: the client sees a closed connection.
        for (const s of sockets) s.destroy();
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.mode === 'reject-data') {
          callback(Object.assign(new Error('try again later: greylisted'), { responseCode: 451 }));
          return;
        }
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}
