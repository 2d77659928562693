import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface FixtureMail {
  from: string;
  to: string;
  date: string;
  subject: string;
  messageId: string;
  inReplyTo?: string;
  headers?: string[];
}

/** The message file our fixtures are: headers and a one-line body, CRLF as on the wire. */
export function messageText(m: FixtureMail): string {
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Date: ${m.date}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.headers ?? []),
    '',
    'Hello.',
    '',
  ].join('\r\n');
}

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Delivers a message into a mailbox (INBOX or Sent) as a new Maildir file. */
  deliver(mailbox: 'INBOX' | 'Sent', m: FixtureMail): void;
  /** Stops the server, forgets the UIDs of a mailbox (a new UIDVALIDITY), starts it again. */
  resetUids(mailbox: 'INBOX' | 'Sent'): Promise<void>;
  stop(): Promise<void>;
}

let counter = 0;

/**
 * A throwaway Dovecot on a free loopback port: its own dovecot.conf (plaintext auth, no TLS, a
 * passwd-file user, Maildir in a temp dir), run in the foreground and stopped after. As root,
 * the login and internal processes use Debian's dovecot/dovenull users and mail runs as root.
 */
export async function startDovecot(opts: { user?: string; password?: string } = {}): Promise<Dovecot> {
  const user = opts.user ?? 'ada@example.com';
  const password = opts.password ?? 'app-password-1';
  const dir = mkdtempSync(join(tmpdir(), 'tend-dovecot-'));
  // Login processes run as another user and must reach the sockets under base_dir.
  chmodSync(dir, 0o755);
  const me = userInfo();
  const root = me.uid === 0;
  // Dovecot never runs mail as root (UID 0 is refused): as root the mail belongs to Debian's dovecot user.
  const owner = root ? dovecotIds() : { uid: me.uid, gid: me.gid };
  const maildir = join(dir, 'mail');
  const own = (path: string) => {
    if (root) chownSync(path, owner.uid, owner.gid);
  };
  for (const sub of ['cur', 'new', 'tmp', '.Sent/cur', '.Sent/new', '.Sent/tmp'])
    mkdirSync(join(maildir, sub), { recursive: true });
  for (const sub of ['', 'cur', 'new', 'tmp', '.Sent', '.Sent/cur', '.Sent/new', '.Sent/tmp'])
    own(join(maildir, sub));
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${maildir}::\n`);
  const port = await freePort();
  const conf = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${root ? 'dovecot' : me.username}
default_internal_group = ${root ? 'dovecot' : me.username}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = ${owner.uid}
first_valid_gid = ${owner.gid}
mail_location = maildir:${maildir}
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = ${dir}/passwd
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
protocol imap {
  mail_max_userip_connections = 50
}
`;
  const confPath = join(dir, 'dovecot.conf');
  writeFileSync(confPath, conf);
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn('/usr/sbin/dovecot', ['-F', '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`dovecot exited: ${stderr}${readLog(dir)}`);
      if (await accepts(port)) return;
      if (Date.now() > deadline)
        throw new Error(`dovecot did not listen on ${port}: ${stderr}${readLog(dir)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stopChild = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();

  const folder = (mailbox: 'INBOX' | 'Sent') => (mailbox === 'INBOX' ? maildir : join(maildir, '.Sent'));
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver(mailbox, m) {
      const name = `${Date.now()}.M${++counter}P${process.pid}.tend`;
      // Seen mail sits in cur/ with its flags; the server assigns the next UID on its next look.
      const path = join(folder(mailbox), 'cur', `${name}:2,S`);
      writeFileSync(path, messageText(m));
      own(path);
    },
    async resetUids(mailbox) {
      await stopChild();
      for (const f of ['dovecot-uidlist', 'dovecot.index', 'dovecot.index.log', 'dovecot.index.cache'])
        rmSync(join(folder(mailbox), f), { force: true });
      // UIDVALIDITY is the time the list was made; a second later it is surely a new one.
      await new Promise((r) => setTimeout(r, 1100));
      await start();
    },
    async stop() {
      await stopChild();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function dovecotIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('dovecot:'));
  if (!line) throw new Error('the dovecot user is missing: apt-get install dovecot-imapd');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'dovecot.log'), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * A loopback TCP relay to `port` that cuts every connection once `cutAfterBytes` of server data
 * have passed (then stops cutting): a dropped connection in the middle of a sync.
 */
export async function flakyRelay(
  port: number,
  cutAfterBytes: number,
): Promise<{ port: number; close(): Promise<void> }> {
  let armed = true;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    let passed = 0;
    client.pipe(upstream);
    upstream.on('data', (d: Buffer) => {
      passed += d.length;
      if (armed && passed > cutAfterBytes) {
        armed = false;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  const relayPort = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  return {
    port: relayPort,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
