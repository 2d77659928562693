// `npm run bench:web`: the web app's initial JavaScript for a signed-in Today (gzip) and what the
// server actually sends for the first page (brotli and gzip), from the production build in dist/web.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newId } from '../src/ids';
import { buildApp } from '../src/server/app';
import { openSqlite } from '../src/store/sqlite';

const WEB = resolve('dist/web');
const BUDGET_KB = 250;
const html = readFileSync(join(WEB, 'index.html'), 'utf8');
// What the first page loads before it can draw: the entry script, its modulepreloads and the CSS.
const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ...html.matchAll(/rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1] ?? '');
const styles = [...html.matchAll(/rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? '');

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const file = (url: string) => readFileSync(join(WEB, url));

const store = await openSqlite(':memory:');
const app = await buildApp({ store, clock: () => new Date(), newId }, { webDir: WEB });
async function sent(url: string, encoding: string): Promise<number> {
  const res = await app.inject({
    method: 'GET',
    url,
    headers: { accept: 'text/html,*/*', 'accept-encoding': encoding },
  });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return res.rawPayload.length;
}

const rows: string[] = [];
let raw = 0;
let gz = 0;
for (const url of scripts) {
  const bytes = file(url);
  raw += bytes.length;
  gz += gzipSync(bytes).length;
}
const first = ['/today', ...scripts, ...styles];
let br = 0;
let gzSent = 0;
let plain = 0;
for (const url of first) {
  br += await sent(url, 'br');
  gzSent += await sent(url, 'gzip');
  plain += await sent(url, 'identity');
}
await app.close();
await store.close();

rows.push(
  `initial JS (${scripts.length} files): ${kb(raw)} KB raw, ${kb(gz)} KB gzip (budget ${BUDGET_KB} KB)`,
);
rows.push(
  `first page transfer (index.html + initial JS + CSS, ${first.length} responses): ` +
    `${kb(plain)} KB uncompressed, ${kb(gzSent)} KB gzip, ${kb(br)} KB brotli`,
);
console.log(rows.join('\n'));
if (gz / 1024 > BUDGET_KB) {
  console.error(`initial JS is over the ${BUDGET_KB} KB gzip budget`);
  process.exit(1);
}
