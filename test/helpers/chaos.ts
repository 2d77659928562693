import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from './server-process';

/** What one database went through: acknowledged writes are the ones the server answered 201 to. */
export interface ChaosResult {
  rounds: number;
  acknowledged: number;
  lost: number;
  /** Writes cut by the kill (no answer): allowed to be there or not, never half there. */
  cut: number;
  integrity: 'ok' | string;
}

interface Written {
  kind: 'contact' | 'interaction';
  id: string;
  contactId: string;
}

const JSON_HEADERS = (token: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
});

async function signUpAndToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'ada@example.com',
      name: 'Ada',
      password: 'correct horse battery',
      timeZone: 'UTC',
    }),
  });
  if (res.status !== 201) throw new Error(`sign-up: ${res.status} ${await res.text()}`);
  const cookie =
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('tend_session='))
      ?.split(';')[0] ?? '';
  const token = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-tend-csrf': '1' },
    body: JSON.stringify({ name: 'chaos', scopes: ['write'] }),
  });
  const body = (await token.json()) as { token?: string };
  if (!body.token) throw new Error(`token: ${token.status}`);
  return body.token;
}

/** One writer: a contact, then interactions on it, then the next contact, until the server dies. */
async function writer(url: string, token: string, tag: string, acked: Written[], cut: { n: number }) {
  for (let i = 0; ; i++) {
    try {
      const contact = await fetch(`${url}/api/v1/contacts`, {
        method: 'POST',
        headers: JSON_HEADERS(token),
        body: JSON.stringify({
          firstName: `Chaos ${tag}-${i}`,
          emails: [{ value: `c-${tag}-${i}@example.com` }],
        }),
      });
      if (contact.status !== 201) throw new Error(`contact: ${contact.status}`);
      const { id } = (await contact.json()) as { id: string };
      acked.push({ kind: 'contact', id, contactId: id });
      for (let j = 0; j < 3; j++) {
        const logged = await fetch(`${url}/api/v1/contacts/${id}/interactions`, {
          method: 'POST',
          headers: JSON_HEADERS(token),
          body: JSON.stringify({ channel: 'email', direction: 'outbound', summary: `note ${j}` }),
        });
        if (logged.status !== 201) throw new Error(`interaction: ${logged.status}`);
        const it = (await logged.json()) as { id: string };
        acked.push({ kind: 'interaction', id: it.id, contactId: id });
      }
    } catch {
      // The connection died with the server: this write may or may not have landed.
      cut.n++;
      return;
    }
  }
}

/** Every acknowledged write is readable after the restart, with the contact's derived state intact. */
async function lostWrites(url: string, token: string, acked: Written[]): Promise<number> {
  let lost = 0;
  const byContact = new Map<string, number>();
  for (const w of acked)
    if (w.kind === 'interaction') byContact.set(w.contactId, (byContact.get(w.contactId) ?? 0) + 1);
  for (const w of acked) {
    if (w.kind !== 'contact') continue;
    const res = await fetch(`${url}/api/v1/contacts/${w.id}/interactions`, { headers: JSON_HEADERS(token) });
    if (res.status !== 200) {
      lost += 1 + (byContact.get(w.id) ?? 0);
      continue;
    }
    const { items } = (await res.json()) as { items: { id: string }[] };
    const have = new Set(items.map((i) => i.id));
    for (const i of acked) if (i.kind === 'interaction' && i.contactId === w.id && !have.has(i.id)) lost++;
  }
  return lost;
}

async function integrity(dataDir: string, databaseUrl: string | undefined): Promise<string> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // Every interaction belongs to a contact of its account (the foreign keys PostgreSQL enforces).
      const { rows } = await client.query(
        'select count(*)::int as n from interactions i left join contacts c on c.account_id = i.account_id and c.id = i.contact_id where c.id is null',
      );
      return rows[0].n === 0 ? 'ok' : `${rows[0].n} interactions without their contact`;
    } finally {
      await client.end();
    }
  }
  const file = join(dataDir, 'tend.db');
  if (!existsSync(file)) return 'no database file';
  const db = new Database(file);
  try {
    const check = db.pragma('integrity_check', { simple: true });
    const orphans = db.prepare('pragma foreign_key_check').all();
    return check === 'ok' && orphans.length === 0
      ? 'ok'
      : `integrity_check: ${check}; foreign keys: ${orphans.length}`;
  } finally {
    db.close();
  }
}

/**
 * Kills the server with SIGKILL during concurrent writes, `rounds` times, restarting it on the same
 * data each time; then checks that every acknowledged write is there and the database is sound.
 */
export async function runChaos(options: {
  bundle: string;
  dataDir: string;
  databaseUrl?: string;
  rounds: number;
  writers?: number;
  /** Milliseconds of writing before the kill, after the round's first five acknowledged writes. */
  killAfter?: () => number;
}): Promise<ChaosResult> {
  const env = {
    TEND_DATA_DIR: options.dataDir,
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
  };
  const acked: Written[] = [];
  const cut = { n: 0 };
  let server: ServerProcess = await startServerProcess(options.bundle, env);
  const token = await signUpAndToken(server.url);
  for (let round = 0; round < options.rounds; round++) {
    const writing = Array.from({ length: options.writers ?? 10 }, (_, w) =>
      writer(server.url, token, `${round}-${w}`, acked, cut),
    );
    // Kill only once this round has written something, then at a random point after.
    const before = acked.length;
    for (let waited = 0; acked.length < before + 5 && waited < 30_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, options.killAfter?.() ?? Math.random() * 300));
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(writing);
    if (options.databaseUrl === undefined) {
      const state = await integrity(options.dataDir, undefined);
      if (state !== 'ok')
        return { rounds: round + 1, acknowledged: acked.length, lost: -1, cut: cut.n, integrity: state };
    }
    server = await startServerProcess(options.bundle, env);
  }
  try {
    const lost = await lostWrites(server.url, token, acked);
    server.child.kill('SIGTERM');
    await server.exited;
    const state = await integrity(options.dataDir, options.databaseUrl);
    return { rounds: options.rounds, acknowledged: acked.length, lost, cut: cut.n, integrity: state };
  } finally {
    server.child.kill('SIGKILL');
  }
}
