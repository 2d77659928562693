import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Runs a client asynchronously (the server answers from this same process), feeding `input`. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, timeout: 120_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out + err)
        : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}\n${err}`)),
    );
    child.stdin.end(input);
  });
}

/** Tend listening on a free loopback port (real clients need a socket, not app.inject). */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A throwaway HOME with vdirsyncer and khard configured against `url`; remove() deletes it. */
export function clientHome(url: string, user: string, password: string) {
  const home = mkdtempSync(join(tmpdir(), 'tend-dav-'));
  const local = join(home, 'contacts');
  writeFileSync(
    join(home, 'vdirsyncer.conf'),
    `[general]
status_path = "${home}/status/"

[pair tend_contacts]
a = "tend"
b = "local"
collections = ["from a"]
conflict_resolution = "a wins"

[storage tend]
type = "carddav"
url = "${url}/"
username = "${user}"
password = "${password}"

[storage local]
type = "filesystem"
path = "${local}/"
fileext = ".vcf"
`,
  );
  writeFileSync(
    join(home, 'khard.conf'),
    `[addressbooks]
[[tend]]
path = ${local}/contacts/

[general]
editor = /bin/true
merge_editor = /bin/true
default_action = list

[contact table]
display = formatted_name
`,
  );
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    XDG_DATA_HOME: home,
    XDG_CACHE_HOME: home,
  };
  const exec = (cmd: string, args: string[], input = '') => run(cmd, args, env, input);
  return {
    home,
    /** The local vdir of the book (one .vcf per card). */
    dir: join(local, 'contacts'),
    vdirsyncer: (...args: string[]) =>
      exec('vdirsyncer', ['-c', join(home, 'vdirsyncer.conf'), ...args], 'y\n'),
    khard: (...args: string[]) => exec('khard', ['-c', join(home, 'khard.conf'), ...args]),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}
