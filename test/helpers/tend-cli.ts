import { execFile } from 'node:child_process';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `tend` binary (bin/tend.js) as a user would: none of the test process's database,
 * server, token, secret or mail settings leak in; a wide terminal and UTC unless `env` says otherwise;
 * `input` on stdin (a password, a file).
 */
export function runTend(args: string[], env: Record<string, string> = {}, input = ''): Promise<CliRun> {
  const clean = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEND_SERVER', 'TEND_TOKEN', 'TEND_SECRET', 'TEND_DATA_DIR', 'SMTP_URL'])
    delete clean[k];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/tend.js', ...args],
      { env: { ...clean, COLUMNS: '200', TZ: 'UTC', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}
