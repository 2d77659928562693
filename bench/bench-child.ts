import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * bench:capture and bench:import run each measurement in a child process of its own, so that its
 * peak RSS is its own, with plain node on an esbuild bundle of the bench file, as `npm start` runs
 * the server: tsx's loader thread and compiled sources added 25–70 MB to a process's peak, and most
 * of its spread. BENCH_TSX=1 runs the children under tsx instead.
 */
export const BENCH_TSX = process.env.BENCH_TSX === '1';

/** In the repository (dist/ is ignored), so that the bundle's external packages resolve from node_modules. */
function bundleOf(entryUrl: string): string {
  return fileURLToPath(new URL(`../dist/bench/${basename(entryUrl).replace(/\.ts$/, '.mjs')}`, entryUrl));
}

/** Builds the bench file's bundle for its children (nothing under BENCH_TSX); once, before the first child. */
export function bundleForChildren(entryUrl: string): void {
  if (BENCH_TSX) return;
  const script = fileURLToPath(new URL('../scripts/bundle-file.mjs', import.meta.url));
  const bundled = spawnSync(process.execPath, [script, fileURLToPath(entryUrl), bundleOf(entryUrl)], {
    stdio: 'inherit',
  });
  if (bundled.status !== 0) throw new Error(`bundling ${basename(entryUrl)} failed`);
}

/** The node arguments that run the bench file in a child: its bundle, or the file under tsx. */
export function childArgs(entryUrl: string): string[] {
  return BENCH_TSX ? ['--import', 'tsx', fileURLToPath(entryUrl)] : [bundleOf(entryUrl)];
}
