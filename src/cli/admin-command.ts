import type { Command } from 'commander';
import { PasswordResetDone } from '../contract/auth';
import { type Api, CliError, call } from './transport';

/** The whole of standard input as text (a password piped in), without the trailing newline. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `tend admin reset-password EMAIL`: for whoever holds the database (self-hosters), never over
 * --server: no account may reset another's password through the API.
 */
export function adminCommand(program: Command, api: Api, remote: () => boolean): void {
  const admin = program.command('admin').description('operator commands on the local database');
  admin
    .command('reset-password')
    .description(
      'set a new password for an account (generated unless --password-stdin) and sign it out everywhere',
    )
    .argument('<email>', "the account's e-mail")
    .option('--password-stdin', 'read the new password from standard input instead of generating one')
    .option('--json', 'print the JSON response')
    .action(async (email: string, o: { passwordStdin?: boolean; json?: boolean }) => {
      if (remote())
        throw new CliError(
          'admin reset-password works on the local database only (run it where the server runs, without --server)',
        );
      const password = o.passwordStdin ? await readStdin() : undefined;
      const done = await call(await api(), 'POST', '/api/v1/admin/reset-password', PasswordResetDone, {
        email,
        ...(password !== undefined && { password }),
      });
      if (o.json) return console.log(JSON.stringify(done, null, 2));
      if (done.generatedPassword) console.log(done.generatedPassword);
      console.error(
        `Password of ${done.email} reset; ${done.signedOutSessions} session(s) signed out.${
          done.generatedPassword ? ' The new password is above: it is not shown again.' : ''
        }`,
      );
    });
}
