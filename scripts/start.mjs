// `npm start`: build the web app when it is missing, older than its sources or a development
// build, and the server bundle when it is missing or older than src/, then serve with plain node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

// What the bundle is made of: the app, the contract it imports as @contract, the build config.
const SOURCES = ['web', 'src/contract', 'src/core/vocabulary.ts', 'vite.config.ts', 'package-lock.json'];
const built = 'dist/web/index.html';

/** React's development build says this in its console banner; the production build never does. */
function isDevelopmentBuild() {
  const assets = 'dist/web/assets';
  if (!existsSync(assets)) return true;
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(assets, f), 'utf8').includes('Download the React DevTools'));
}

const stale = () => statSync(built).mtimeMs < Math.max(...SOURCES.map(newest));
if (!existsSync(built) || stale() || isDevelopmentBuild()) {
  console.log('Building the web app (once)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const serverBundle = 'dist/server/main.mjs';
if (!existsSync(serverBundle) || statSync(serverBundle).mtimeMs < newest('src')) {
  let esbuildThere = true;
  try {
    await import('esbuild');
  } catch {
    esbuildThere = false;
  }
  if (!esbuildThere) {
    console.error(
      `${serverBundle} is missing or older than src/, and esbuild is not installed (a production install?): run \`npm run build\` before \`npm ci --omit=dev\` (docs/self-hosting.md)`,
    );
    process.exit(1);
  }
  console.log('Building the server (once)…');
  const { buildServer } = await import('./build-server.mjs');
  await buildServer();
}
// The server handles SIGINT/SIGTERM itself (finishes requests, closes the database): pass them on.
const server = spawn(process.execPath, ['--enable-source-maps', serverBundle], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
