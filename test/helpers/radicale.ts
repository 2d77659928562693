import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Radicale on a free loopback port with a throwaway config, storage and one user. */
export interface Radicale {
  url: string;
  user: string;
  password: string;
  /** Creates a calendar collection and returns its URL. */
  mkcalendar(name: string): Promise<string>;
  /** PUTs one event resource into a collection. */
  put(collection: string, file: string, ics: string): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = a && typeof a !== 'string' ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startRadicale(): Promise<Radicale> {
  const dir = mkdtempSync(join(tmpdir(), 'tend-radicale-'));
  const port = await freePort();
  const user = 'ada';
  const password = 'radicale-pass';
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  writeFileSync(
    join(dir, 'config'),
    `[server]
hosts = 127.0.0.1:${port}
[auth]
type = htpasswd
htpasswd_filename = ${join(dir, 'users')}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = ${join(dir, 'collections')}
[logging]
level = warning
`,
  );
  const child: ChildProcess = spawn('radicale', ['--config', join(dir, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await fetch(`${url}/.web/`);
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`radicale did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const request = async (method: string, target: string, body?: string, type?: string) => {
    const res = await fetch(target, {
      method,
      headers: { authorization: auth, ...(type && { 'content-type': type }) },
      ...(body !== undefined && { body }),
    });
    if (!res.ok) throw new Error(`${method} ${target}: ${res.status} ${await res.text()}`);
  };
  return {
    url,
    user,
    password,
    mkcalendar: async (name) => {
      const target = `${url}/${user}/${name}/`;
      await request('MKCALENDAR', target);
      return target;
    },
    put: (collection, file, ics) => request('PUT', `${collection}${file}`, ics, 'text/calendar'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
