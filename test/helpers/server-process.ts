import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

/**
 * Builds the server bundle as `npm run build` does, into a scratch folder inside the repository
 * (so its external packages resolve from node_modules/); returns the path of main.mjs.
 */
export function buildServerBundle(): { bundle: string; dir: string } {
  mkdirSync('.tend-tmp', { recursive: true });
  const dir = mkdtempSync(join('.tend-tmp', 'server-'));
  execFileSync(process.execPath, ['scripts/build-server.mjs', dir]);
  return { bundle: join(dir, 'main.mjs'), dir };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output(): string;
}

/** The real server process (plain node on the bundle) on a free port, once `/readyz` says ready. */
export async function startServerProcess(
  bundle: string,
  env: { TEND_DATA_DIR: string; DATABASE_URL?: string },
  port?: number,
): Promise<ServerProcess> {
  const listen = port ?? (await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(listen), HOST: '127.0.0.1', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${listen}`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { child, url, exited, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become ready:\n${output}`);
}
