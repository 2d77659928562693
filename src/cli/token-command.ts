import type { Command } from 'commander';
import { CreatedToken, TokenList } from '../contract/auth';
import { isOneOf } from '../core/one-of';
import { TOKEN_SCOPES, type TokenScope } from '../core/token-scopes';
import { formatDate, renderTable, terminalWidth } from './format';
import type { Api } from './transport';
import { call, send } from './transport';

/** `tend token create|list|revoke`: API tokens for scripts and remote use. */
export function tokenCommand(program: Command, api: Api): void {
  const token = program.command('token').description('API tokens for scripts and `tend --server`');

  token
    .command('create')
    .description('create a token (the secret is shown once)')
    .argument('<name>', 'what the token is for')
    .option(
      '--scope <scopes>',
      `comma-separated: ${TOKEN_SCOPES.join(', ')} (write includes read; admin mints tokens, exports backups, manages feeds)`,
      'write',
    )
    .option('--expires <when>', 'a duration (30d, 12w, 6m, 1y) or a date (2027-01-31); default never')
    .option('--json', 'print the JSON response')
    .action(async (name: string, o: { scope: string; expires?: string; json?: boolean }) => {
      const scopes = parseScopes(o.scope);
      const expiresAt = o.expires === undefined ? undefined : parseExpiry(o.expires, new Date());
      const created = await call(await api(), 'POST', '/api/v1/tokens', CreatedToken, {
        name,
        scopes,
        ...(expiresAt && { expiresAt }),
      });
      if (o.json) return console.log(JSON.stringify(created, null, 2));
      console.log(created.token);
      const until = created.expiresAt ? `until ${formatDate(created.expiresAt)}` : 'no expiry';
      console.error(
        `Token '${created.name}' created (${created.id}): ${created.scopes.join(', ')}; ${until}.`,
      );
      console.error('Copy it now: it is not shown again (Tend keeps only a hash).');
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const list = await call(await api(), 'GET', '/api/v1/tokens', TokenList);
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.items.length === 0) return console.log('No tokens.');
      const columns = [
        { header: 'ID', min: 36 },
        { header: 'NAME' },
        { header: 'PREFIX' },
        { header: 'SCOPES' },
        { header: 'CREATED' },
        { header: 'EXPIRES' },
        { header: 'LAST USED' },
      ];
      const rows = list.items.map((t) => [
        t.id,
        t.name,
        `${t.prefix}…`,
        t.scopes.join(','),
        formatDate(t.createdAt),
        t.expiresAt ? formatDate(t.expiresAt) : 'never',
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
      await send(await api(), 'DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
      console.log(o.json ? JSON.stringify({ revoked: id }) : `Revoked token ${id}`);
    });
}

/** `read,write` → ['read', 'write']; an unknown word is an error naming the flag. */
export function parseScopes(value: string): TokenScope[] {
  const words = value
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  const unknown = words.filter((w) => !isOneOf(TOKEN_SCOPES, w));
  if (words.length === 0 || unknown.length > 0)
    throw new Error(`--scope: use ${TOKEN_SCOPES.join(', ')} (got '${value}')`);
  return TOKEN_SCOPES.filter((s) => words.includes(s));
}

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** `30d`, `12w`, `6m`, `1y` from `now`, or a date/date-time; returns ISO-8601 for the API. */
export function parseExpiry(value: string, now: Date): string {
  const span = /^(\d{1,4})([dwmy])$/.exec(value.trim());
  if (span)
    return new Date(now.getTime() + Number(span[1]) * UNIT_DAYS[span[2]!]! * 86_400_000).toISOString();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`--expires: use 30d, 12w, 6m, 1y or a date (got '${value}')`);
  return date.toISOString();
}
