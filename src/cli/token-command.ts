import type { Command } from 'commander';
import type { CreatedToken, Token } from '../contract/auth';
import { formatDate, renderTable, terminalWidth } from './format';
import type { Api } from './program';
import { call } from './transport';

/** `tend token create|list|revoke`: API tokens for scripts and remote use. */
export function tokenCommand(program: Command, api: Api): void {
  const token = program.command('token').description('API tokens for scripts and `tend --server`');

  token
    .command('create')
    .description('create a token (the secret is shown once)')
    .argument('<name>', 'what the token is for')
    .option('--json', 'print the JSON response')
    .action(async (name: string, o: { json?: boolean }) => {
      const created = await call<CreatedToken>(await api(), 'POST', '/api/v1/tokens', { name });
      if (o.json) return console.log(JSON.stringify(created, null, 2));
      console.log(created.token);
      console.error(`Token '${created.name}' created (${created.id}).`);
      console.error('Copy it now: it is not shown again (Tend keeps only a hash).');
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const list = await call<{ items: Token[] }>(await api(), 'GET', '/api/v1/tokens');
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.items.length === 0) return console.log('No tokens.');
      const columns = [
        { header: 'ID', min: 36 },
        { header: 'NAME' },
        { header: 'PREFIX' },
        { header: 'CREATED' },
        { header: 'LAST USED' },
      ];
      const rows = list.items.map((t) => [
        t.id,
        t.name,
        `${t.prefix}…`,
        formatDate(t.createdAt),
        t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never',
      ]);
      console.log(renderTable(columns, rows, terminalWidth()));
    });

  token
    .command('revoke')
    .description('revoke a token; scripts using it stop working at once')
    .argument('<id>', 'token id (from `tend token list`)')
    .option('--json', 'print the JSON response')
    .action(async (id: string, o: { json?: boolean }) => {
      await call<null>(await api(), 'DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
      console.log(o.json ? JSON.stringify({ revoked: id }) : `Revoked token ${id}`);
    });
}
