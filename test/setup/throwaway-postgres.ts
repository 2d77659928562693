import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port';

/** A running throwaway cluster: connect as `tend` (trust auth) to `adminUrl`; `stop` deletes it. */
export interface ThrowawayPostgres {
  adminUrl: string;
  port: number;
  /** URL of another database on the same cluster. */
  urlOf(database: string): string;
  stop(): void;
}

/** Debian ships server binaries under /usr/lib/postgresql/<major>/bin; take the newest. */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb')))
    : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error('PostgreSQL server binaries not found: apt-get install postgresql (see .ci/run)');
  return join(root, newest, 'bin');
}

/**
 * Starts a cluster in a temporary directory on a free loopback port, tuned for speed over durability
 * (fsync off): tests and benchmarks throw it away. `settings` adds `-c name=value` server options.
 */
export async function startThrowawayPostgres(
  settings: Record<string, string> = {},
): Promise<ThrowawayPostgres> {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'tend-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root; run the server as Debian's postgres user instead.
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'tend', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const extra = Object.entries(settings)
    .map(([k, v]) => ` -c ${k}=${v}`)
    .join('');
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300${extra}`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', 'start']);
  const urlOf = (database: string) => `postgres://tend@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlOf('postgres'),
    port,
    urlOf,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
