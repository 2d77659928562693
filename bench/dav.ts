import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { faker } from '@faker-js/faker';
import { newId } from '../src/ids';
import { buildApp } from '../src/server/app';
import { commitImport } from '../src/services/imports/import-commit';
import { previewImport } from '../src/services/imports/imports.service';
import { openSqlite } from '../src/store/sqlite';

/**
 * `npm run bench:dav`: 30,000 contacts in a SQLite file, Tend serving it from its own process
 * (so its peak RSS is its own), then (1) vdirsyncer's first sync of the whole address book — wall
 * time and the server's peak RSS — and (2) sync-collection after one change: response time and
 * bytes, which must carry that one card only. Writes the `## CardDAV` section of bench/RESULTS.md.
 */
const here = dirname(fileURLToPath(import.meta.url));
const CONTACTS = Number(process.env.BENCH_DAV_CONTACTS ?? 30_000);
const DIR = join(tmpdir(), 'tend-bench-dav');
const EMAIL = 'bench@example.com';

async function seed(dbPath: string): Promise<{ token: string; accountId: string }> {
  const store = await openSqlite(dbPath);
  const deps = { store, clock: () => new Date(), newId };
  const app = await buildApp(deps, { signupOpen: true });
  const up = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email: EMAIL, name: 'Bench', password: 'correct horse battery', timeZone: 'Europe/London' },
  });
  const cookie = up.cookies.find((c) => c.name === 'tend_session')!.value;
  const token = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'phone', scopes: ['write', 'dav'] },
      cookies: { tend_session: cookie },
      headers: { 'x-tend-csrf': '1' },
    })
  ).json<{ token: string }>().token;
  const accountId = up.json<{ accountId: string }>().accountId;
  faker.seed(12);
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < CONTACTS; i++) {
    const first = faker.person.firstName().replace(/,/g, '');
    const last = faker.person.lastName().replace(/,/g, '');
    rows.push(
      [
        first,
        last,
        `https://www.linkedin.com/in/${first}-${last}-${i}`.toLowerCase().replace(/[^a-z0-9:/.-]/g, ''),
        `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9@.]/g, ''),
        faker.company.name().replace(/[,"]/g, ''),
        faker.person.jobTitle().replace(/,/g, ''),
        '12 Mar 2021',
      ].join(','),
    );
  }
  const run = await previewImport(deps, accountId, Readable.from([Buffer.from(rows.join('\n'))]), {
    fileName: 'bench.csv',
  });
  await commitImport(deps, accountId, run.id, {
    defaults: { merge: 'merge', duplicate: 'skip', conflict: 'create' },
    tracked: true,
  });
  await app.close();
  await store.close();
  return { token, accountId };
}

/** The server child: serves the file on a free port, prints the port. */
async function serve(dbPath: string) {
  const store = await openSqlite(dbPath);
  const app = await buildApp({ store, clock: () => new Date(), newId }, {});
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${out.slice(-2000)}`)),
    );
    child.stdin.end('y\n');
  });
}

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main() {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const dbPath = join(DIR, 'tend.db');
  const t0 = performance.now();
  const { token, accountId } = await seed(dbPath);
  console.log(`seeded ${CONTACTS} contacts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve) =>
    server.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
  );
  const base = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${EMAIL}:${token}`).toString('base64')}`;
  try {
    const home = join(DIR, 'home');
    mkdirSync(home, { recursive: true });
    writeFileSync(
      join(home, 'vdirsyncer.conf'),
      `[general]\nstatus_path = "${home}/status/"\n[pair p]\na = "tend"\nb = "local"\ncollections = ["from a"]\n[storage tend]\ntype = "carddav"\nurl = "${base}/"\nusername = "${EMAIL}"\npassword = "${token}"\n[storage local]\ntype = "filesystem"\npath = "${home}/contacts/"\nfileext = ".vcf"\n`,
    );
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home };
    const cfg = ['-c', join(home, 'vdirsyncer.conf')];
    await run('vdirsyncer', [...cfg, 'discover'], env);
    const s0 = performance.now();
    await run('vdirsyncer', [...cfg, 'sync'], env);
    const syncSeconds = (performance.now() - s0) / 1000;
    const rss = peakRssMb(server.pid!);
    console.log(`vdirsyncer initial sync: ${syncSeconds.toFixed(1)} s, server peak RSS ${rss.toFixed(0)} MB`);

    const book = `${base}/dav/addressbooks/${accountId}/contacts/`;
    const tokenNow = async () =>
      /<d:sync-token>([^<]+)</.exec(
        await (
          await fetch(book, {
            method: 'PROPFIND',
            headers: { authorization: auth, depth: '0' },
            body: '<propfind xmlns="DAV:"><prop><sync-token/></prop></propfind>',
          })
        ).text(),
      )![1]!;
    const list = await (
      await fetch(`${base}/api/v1/contacts?limit=5`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    const ids = (list as { items: { id: string }[] }).items.map((c) => c.id);
    const samples: { ms: number; bytes: number; cards: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const since = await tokenNow();
      await fetch(`${base}/api/v1/contacts/${ids[i]}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Changed ${i}` }),
      });
      const r0 = performance.now();
      const res = await fetch(book, {
        method: 'REPORT',
        headers: { authorization: auth, 'content-type': 'application/xml' },
        body: `<d:sync-collection xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:sync-token>${since}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/><c:address-data/></d:prop></d:sync-collection>`,
      });
      const text = await res.text();
      samples.push({
        ms: performance.now() - r0,
        bytes: Buffer.byteLength(text),
        cards: text.split('<d:response>').length - 1,
      });
    }
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    console.log('sync-collection after one change:', samples);
    const section = [
      '## CardDAV',
      '',
      `\`npm run bench:dav\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} vCPUs, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, SQLite file in WAL mode, load average ${loadavg()[0]!.toFixed(1)} at the end (shared machine). ${CONTACTS.toLocaleString('en')} contacts seeded through the LinkedIn import; Tend in its own process on loopback; vdirsyncer ${'0.19'} (Debian) with a filesystem storage.`,
      '',
      '| Scenario | Result |',
      '| --- | --- |',
      `| vdirsyncer first sync of ${CONTACTS.toLocaleString('en')} cards (discover excluded) | ${syncSeconds.toFixed(1)} s wall; server peak RSS ${rss.toFixed(0)} MB |`,
      `| sync-collection after one change (5 runs) | median ${ms[2]!.toFixed(0)} ms (${ms[0]!.toFixed(0)}–${ms[4]!.toFixed(0)} ms); ${samples[0]!.bytes} bytes, ${samples.map((s) => s.cards).join('/')} card(s) per response |`,
      '',
    ].join('\n');
    const resultsPath = join(here, 'RESULTS.md');
    const current = readFileSync(resultsPath, 'utf8');
    const next = /## CardDAV\n[\s\S]*?(?=\n## |$)/.test(current)
      ? current.replace(/## CardDAV\n[\s\S]*?(?=\n## |$)/, section)
      : `${current.trimEnd()}\n\n${section}`;
    writeFileSync(resultsPath, next);
    console.log(section);
  } finally {
    server.kill();
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3]!);
else await main();
