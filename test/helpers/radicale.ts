import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface RadicaleBook {
  /** The book's URL. */
  url: string;
  put(name: string, card: string): Promise<string>;
  get(name: string): Promise<string>;
  remove(name: string): Promise<void>;
}

export interface Radicale {
  /** The server root, e.g. http://127.0.0.1:41234 */
  url: string;
  user: string;
  password: string;
  /** A request as the user, against a path or URL. */
  req(method: string, path: string, body?: string, headers?: Record<string, string>): Promise<Response>;
  /** A new empty address book of the user (one per test keeps tests apart on one server). */
  newBook(name: string): Promise<RadicaleBook>;
  /** Creates a calendar collection and returns its URL. */
  mkcalendar(name: string): Promise<string>;
  /** PUTs one event resource into a calendar collection (a URL from mkcalendar). */
  put(collection: string, file: string, ics: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Debian's Radicale on a free loopback port with its own config and storage in a temp dir and a
 * plain htpasswd user, for address books and calendars; stop() kills it and deletes the dir.
 */
export async function startRadicale(user = 'ada', password = 'app-password-1'): Promise<Radicale> {
  const dir = mkdtempSync(join(tmpdir(), 'tend-radicale-'));
  const port = await freePort();
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
[rights]
type = owner_only
[logging]
level = warning
[web]
type = none
`,
  );
  const child: ChildProcess = spawn('radicale', ['--config', join(dir, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const req: Radicale['req'] = (method, path, body, headers = {}) =>
    fetch(new URL(path, url), {
      method,
      headers: { authorization: auth, ...headers },
      ...(body !== undefined && { body }),
    });
  for (let i = 0; ; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error(`radicale did not start:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    user,
    password,
    req,
    async newBook(name) {
      const bookPath = `/${user}/${name}/`;
      const made = await req(
        'MKCOL',
        bookPath,
        `<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype><d:displayname>${name}</d:displayname></d:prop></d:set></d:mkcol>`,
      );
      if (made.status !== 201) throw new Error(`MKCOL: ${made.status} ${await made.text()}`);
      return {
        url: `${url}${bookPath}`,
        async put(card, body) {
          const res = await req('PUT', `${bookPath}${card}`, body, { 'content-type': 'text/vcard' });
          if (res.status >= 300) throw new Error(`PUT ${card}: ${res.status} ${await res.text()}`);
          return res.headers.get('etag') ?? '';
        },
        async get(card) {
          const res = await req('GET', `${bookPath}${card}`);
          if (res.status !== 200) throw new Error(`GET ${card}: ${res.status}`);
          return res.text();
        },
        async remove(card) {
          const res = await req('DELETE', `${bookPath}${card}`);
          if (res.status >= 300) throw new Error(`DELETE ${card}: ${res.status}`);
        },
      };
    },
    async mkcalendar(name) {
      const made = await req('MKCALENDAR', `/${user}/${name}/`);
      if (made.status !== 201) throw new Error(`MKCALENDAR: ${made.status} ${await made.text()}`);
      return `${url}/${user}/${name}/`;
    },
    async put(collection, file, ics) {
      const res = await req('PUT', `${collection}${file}`, ics, { 'content-type': 'text/calendar' });
      if (res.status >= 300) throw new Error(`PUT ${file}: ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
