import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** One finding of `tend doctor`: `fail` stops the server working, `warn` is worth a look. */
export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
}

const MIN_NODE = [20, 19] as const;

export function nodeCheck(version = process.versions.node): Check {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return {
    name: 'node',
    status: ok ? 'ok' : 'fail',
    detail: ok ? `Node ${version}` : `Node ${version}; Tend needs ${MIN_NODE.join('.')} or later`,
  };
}

/** The built web app and server bundle, which `npm start` makes when they are missing. */
export function buildChecks(root: string): Check[] {
  const web = join(root, 'dist', 'web', 'index.html');
  const server = join(root, 'dist', 'server', 'main.mjs');
  return [
    existsSync(web)
      ? { name: 'web app', status: 'ok', detail: `built ${statSync(web).mtime.toISOString()}` }
      : { name: 'web app', status: 'warn', detail: 'not built: `npm start` or `npm run build` builds it' },
    existsSync(server)
      ? { name: 'server bundle', status: 'ok', detail: `built ${statSync(server).mtime.toISOString()}` }
      : {
          name: 'server bundle',
          status: 'warn',
          detail: 'not built: `npm start` or `npm run build` builds it',
        },
  ];
}

/** Whether a TCP connection to the SMTP server opens within `timeoutMs` (nothing is sent). */
export function smtpCheck(smtpUrl: string | undefined, timeoutMs = 3000): Promise<Check> {
  if (!smtpUrl)
    return Promise.resolve({
      name: 'smtp',
      status: 'warn',
      detail: 'SMTP_URL is not set: digests and updates wait in the outbox (docs/email.md)',
    });
  const url = new URL(smtpUrl);
  const port = Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: timeoutMs });
    const done = (check: Check) => {
      socket.destroy();
      resolve(check);
    };
    socket.once('connect', () =>
      done({ name: 'smtp', status: 'ok', detail: `${url.hostname}:${port} answers` }),
    );
    socket.once('timeout', () =>
      done({
        name: 'smtp',
        status: 'fail',
        detail: `${url.hostname}:${port} did not answer in ${timeoutMs} ms`,
      }),
    );
    socket.once('error', (error) =>
      done({ name: 'smtp', status: 'fail', detail: `${url.hostname}:${port}: ${error.message}` }),
    );
  });
}

/** Settings that work but expose more than most self-hosters mean to. */
export function exposureChecks(config: { host: string; publicUrl: string; signupOpen: boolean }): Check[] {
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(config.host);
  const checks: Check[] = [];
  if (!loopback && !config.publicUrl.startsWith('https:'))
    checks.push({
      name: 'tls',
      status: 'warn',
      detail: `listening on ${config.host} with TEND_PUBLIC_URL ${config.publicUrl}: put TLS in front and set an https TEND_PUBLIC_URL (docs/self-hosting.md)`,
    });
  if (config.signupOpen)
    checks.push({
      name: 'sign-up',
      status: 'warn',
      detail: 'TEND_SIGNUP=open: anyone who reaches the server can make an account',
    });
  return checks;
}
