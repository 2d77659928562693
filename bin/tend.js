#!/usr/bin/env node
// The `tend` command. Running the TypeScript sources through tsx costs ~1.5 s of CPU a run, so the CLI (and
// what it imports from src/) is bundled with esbuild into dist/cli/ on first use and again whenever a
// source is newer: no build step to remember. If the bundle cannot be built, the sources run through tsx.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(root, 'dist', 'cli');
const manifestPath = join(outRoot, 'current.json');
// Native modules, and packages that read their own files at run time, stay in node_modules.
const EXTERNAL = [
  'better-sqlite3',
  'pg',
  'pg-native',
  'pg-boss',
  '@node-rs/argon2',
  'nodemailer',
  '@fastify/swagger-ui',
  '@fastify/static',
  'tsx',
  'esbuild',
  // Loaded lazily with import() (src/services/password-strength.ts): a bundled copy of these CommonJS
  // packages loses its named exports ("ZxcvbnFactory is not a constructor"); Node's own loader keeps them.
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
];

/** The newest mtime under `dir` (~250 files: a few milliseconds of stat calls). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** Sources and installed packages: a newer one means the bundle is stale. */
function sourcesTime() {
  const lock = join(root, 'node_modules', '.package-lock.json');
  return Math.max(newest(join(root, 'src')), existsSync(lock) ? statSync(lock).mtimeMs : 0);
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null;
  }
}

/** Builds into a fresh folder and then points current.json at it, so concurrent runs never see half a bundle. */
async function build(sources) {
  const { build: esbuild } = await import('esbuild');
  const dir = `build-${Date.now()}-${process.pid}`;
  await esbuild({
    entryPoints: { tend: join(root, 'src/cli/main.ts') },
    outdir: join(outRoot, dir),
    bundle: true,
    splitting: true, // the server is a separate chunk, loaded only by commands that open the local database
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    // CommonJS packages inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as __tendRequire } from 'node:module'; const require = __tendRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  const tmp = `${manifestPath}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ dir, sourcesTime: sources }));
  renameSync(tmp, manifestPath);
  // Older builds go once no run can still be loading their chunks.
  for (const old of readdirSync(outRoot)) {
    const path = join(outRoot, old);
    if (old.startsWith('build-') && old !== dir && Date.now() - statSync(path).mtimeMs > 3600_000)
      rmSync(path, { recursive: true, force: true });
  }
  return join(outRoot, dir, 'tend.mjs');
}

/** The bundle to run, building it when missing or stale; null to fall back to tsx. */
async function bundle() {
  if (process.env.TEND_CLI_TSX) return null;
  try {
    const sources = sourcesTime();
    const current = readManifest();
    const entry = current && join(outRoot, current.dir, 'tend.mjs');
    if (entry && current.sourcesTime >= sources && existsSync(entry)) return entry;
    mkdirSync(outRoot, { recursive: true });
    // Stamped with the newest source seen before building: one saved during the build makes the next run rebuild.
    return await build(sources);
  } catch (error) {
    if (process.env.TEND_DEBUG) console.error(`tend: running from the sources (${error.message})`);
    return null;
  }
}

const entry = await bundle();
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
