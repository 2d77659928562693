import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { CaptureRun, Source } from '../contract/capture';
import { formatDate, renderTable, terminalWidth } from './format';
import type { Api } from './program';
import { CliError, call, problemLine } from './transport';

function runLine(r: CaptureRun): string {
  const skipped = Object.entries(r.skipped)
    .map(([k, v]) => `${v} ${k.replace('_', ' ')}`)
    .join(', ');
  return `${r.seen} seen, ${r.captured} captured${skipped ? `, skipped: ${skipped}` : ''}${r.failed ? `, ${r.failed} unreadable` : ''}`;
}

/** Reads the password from the TEND_IMAP_PASSWORD variable or stdin, never from argv (ps shows argv). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.TEND_IMAP_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw new CliError('give the app password on stdin or in TEND_IMAP_PASSWORD');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** `tend sources list|add|sync|rm`: where Tend captures interactions from (F30). */
export function sourcesCommand(program: Command, api: Api): void {
  const sources = program
    .command('sources')
    .description('mailboxes and files Tend captures interactions from');

  sources
    .command('list')
    .description('list sources with their last sync and counts')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const list = await call<{ items: Source[] }>(await api(), 'GET', '/api/v1/sources');
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.items.length === 0) return console.log('No sources. Add one with `tend sources add`.');
      const columns = [
        { header: 'ID', min: 36 },
        { header: 'KIND' },
        { header: 'NAME' },
        { header: 'LAST SYNC' },
        { header: 'SEEN' },
        { header: 'CAPTURED' },
        { header: 'SKIPPED' },
        { header: 'LAST ERROR' },
      ];
      const rows = list.items.map((s) => [
        s.id,
        s.kind,
        s.name,
        s.syncing ? 'syncing…' : s.lastSyncAt ? formatDate(s.lastSyncAt) : 'never',
        String(s.seen),
        String(s.captured),
        String(s.skipped),
        s.lastError ?? '',
      ]);
      console.log(renderTable(columns, rows, terminalWidth()));
    });

  sources
    .command('add')
    .description('add an IMAP mailbox (password on stdin or in TEND_IMAP_PASSWORD) or an mbox file')
    .argument('<kind>', 'imap or mbox')
    .argument('<name>', 'a name for it')
    .option('--host <host>', 'IMAP server')
    .option('--port <port>', 'IMAP port', '993')
    .option('--no-tls', 'plain IMAP (only on a trusted network)')
    .option('--user <user>', 'IMAP user')
    .option('--months <n>', 'backfill window in months', '24')
    .option('--own <addresses>', 'your other addresses, comma-separated')
    .option('--exclude <domains>', 'domains never captured, comma-separated')
    .option('--json', 'print the JSON response')
    .action(async (kind: string, name: string, o: Record<string, string | boolean | undefined>) => {
      const list = (v: unknown) => (typeof v === 'string' && v ? v.split(',').map((s) => s.trim()) : []);
      const common = { name, ownAddresses: list(o.own), excludedDomains: list(o.exclude) };
      let body: Record<string, unknown>;
      if (kind === 'mbox') body = { kind, ...common };
      else if (kind === 'imap')
        body = {
          kind,
          ...common,
          host: o.host,
          port: Number(o.port),
          tls: o.tls !== false,
          user: o.user,
          backfillMonths: Number(o.months),
          password: await readPassword(),
        };
      else throw new CliError(`unknown kind "${kind}": use imap or mbox`);
      const created = await call<Source>(await api(), 'POST', '/api/v1/sources', body);
      if (o.json) return console.log(JSON.stringify(created, null, 2));
      console.log(`Added ${created.kind} source '${created.name}' (${created.id}).`);
    });

  sources
    .command('sync')
    .description('sync a mailbox now, or read an mbox file into an mbox source')
    .argument('<id>', 'source id (from `tend sources list`)')
    .argument('[file]', 'the mbox file, for an mbox source')
    .option('--json', 'print the JSON response')
    .action(async (id: string, file: string | undefined, o: { json?: boolean }) => {
      const t = await api();
      const path = `/api/v1/sources/${encodeURIComponent(id)}`;
      let run: CaptureRun;
      if (file) {
        const reply = await t.upload(`${path}/upload`, {
          bytes: createReadStream(file),
          contentType: 'application/mbox',
          size: statSync(file).size,
        });
        if (reply.status >= 400) throw new CliError(problemLine(reply));
        run = reply.json as CaptureRun;
      } else run = await call<CaptureRun>(t, 'POST', `${path}/sync`);
      if (o.json) return console.log(JSON.stringify(run, null, 2));
      console.log(runLine(run));
      for (const e of run.errors) console.error(`  ${e}`);
    });

  sources
    .command('rm')
    .description('remove a source')
    .argument('<id>', 'source id')
    .option('--with-captured', 'also remove the interactions it captured')
    .action(async (id: string, o: { withCaptured?: boolean }) => {
      await call<null>(
        await api(),
        'DELETE',
        `/api/v1/sources/${encodeURIComponent(id)}?withCaptured=${o.withCaptured ? 'true' : 'false'}`,
      );
      console.log(`Removed source ${id}${o.withCaptured ? ' and what it captured' : ''}.`);
    });
}
