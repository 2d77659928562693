// The server as one ES module, dist/server/main.mjs, so that it starts with plain `node`: no
// TypeScript compiler at start-up, and a production install without dev dependencies can run it.
// `npm run build` calls this; `npm start` calls it when the bundle is missing or older than src/.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds into a scratch folder and moves the files in place, so a start never sees half a bundle. */
export async function buildServer(outDir = join(root, 'dist', 'server')) {
  const scratch = join(outDir, `.build-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    await build({
      ...NODE_BUNDLE,
      entryPoints: [join(root, 'src', 'main.ts')],
      outfile: join(scratch, 'main.mjs'),
      sourcemap: 'linked',
    });
    renameSync(join(scratch, 'main.mjs.map'), join(outDir, 'main.mjs.map'));
    renameSync(join(scratch, 'main.mjs'), join(outDir, 'main.mjs'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return join(outDir, 'main.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer(process.argv[2]);
