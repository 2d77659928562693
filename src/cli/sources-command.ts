import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { CaptureRun, Source } from '../contract/capture';
import { formatDate, renderTable, terminalWidth } from './format';
import { type Api, CliError, call, problemLine } from './transport';

function runLine(r: CaptureRun): string {
  const skipped = Object.entries(r.skipped)
    .map(([k, v]) => `${v} ${k.replace('_', ' ')}`)
    .join(', ');
  return `${r.seen} seen, ${r.captured} captured${skipped ? `, skipped: ${skipped}` : ''}${r.failed ? `, ${r.failed} unreadable` : ''}`;
}

/** Reads the password from the TEND_IMAP_PASSWORD variable or stdin, never from argv (ps shows argv). */
async function readPassword(variable = 'TEND_IMAP_PASSWORD'): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw new CliError(`give the app password on stdin or in ${variable}`);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** Sends a file to a source: an .ics file as a calendar, anything else as an mbox. */
async function uploadFile(t: Awaited<ReturnType<Api>>, path: string, file: string): Promise<CaptureRun> {
  const reply = await t.upload(path, {
    bytes: createReadStream(file),
    contentType: /\.ics$/i.test(file) ? 'text/calendar' : 'application/mbox',
    size: statSync(file).size,
  });
  if (reply.status >= 400) throw new CliError(problemLine(reply));
  return reply.json as CaptureRun;
}

/** `tend sources add calendar [name] --file F | --url U [--user U --password-stdin]`. */
async function addCalendar(
  api: Api,
  named: string | undefined,
  o: Record<string, string | boolean | undefined>,
  list: (v: unknown) => string[],
): Promise<void> {
  const file = typeof o.file === 'string' ? o.file : undefined;
  const url = typeof o.url === 'string' ? o.url : undefined;
  if (!file === !url) throw new CliError('give a calendar either --file FILE or --url ADDRESS');
  const user = typeof o.user === 'string' ? o.user : undefined;
  if (o.passwordStdin && !user) throw new CliError('--password-stdin needs --user');
  const name = named ?? (file ? basename(file) : new URL(url!.replace(/^webcals?:/i, 'https:')).host);
  const body = {
    kind: 'ics',
    name,
    ownAddresses: list(o.own),
    excludedDomains: list(o.exclude),
    backfillMonths: Number(o.months),
    ...(url && { url }),
    ...(user && { user }),
    ...(o.passwordStdin && { password: await readPassword('TEND_CALENDAR_PASSWORD') }),
  };
  const t = await api();
  const created = await call<Source>(t, 'POST', '/api/v1/sources', body);
  const path = `/api/v1/sources/${encodeURIComponent(created.id)}`;
  let run: CaptureRun;
  try {
    run = file
      ? await uploadFile(t, `${path}/upload`, file)
      : await call<CaptureRun>(t, 'POST', `${path}/sync`);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CliError(`added calendar '${created.name}' (${created.id}), but reading it failed: ${why}`);
  }
  if (o.json) return console.log(JSON.stringify({ source: created, run }, null, 2));
  console.log(`Added calendar '${created.name}' (${created.id}): ${runLine(run)}`);
  for (const e of run.errors) console.error(`  ${e}`);
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
    .description(
      'add an IMAP mailbox (password on stdin or in TEND_IMAP_PASSWORD), an mbox file, or a calendar (--file F | --url U)',
    )
    .argument('<kind>', 'imap, mbox or calendar')
    .argument('[name]', 'a name for it (a calendar is named after its file or host)')
    .option('--host <host>', 'IMAP server')
    .option('--port <port>', 'IMAP port', '993')
    .option('--no-tls', 'plain IMAP (only on a trusted network)')
    .option('--user <user>', 'IMAP user')
    .option('--months <n>', 'backfill window in months', '24')
    .option('--file <file>', 'calendar: an .ics file, read now')
    .option(
      '--url <url>',
      'calendar: a subscribed address (Google secret address, Outlook, CalDAV collection)',
    )
    .option('--password-stdin', 'calendar: the app password for --user, from stdin or TEND_CALENDAR_PASSWORD')
    .option('--own <addresses>', 'your other addresses, comma-separated')
    .option('--exclude <domains>', 'domains never captured, comma-separated')
    .option('--json', 'print the JSON response')
    .action(
      async (kind: string, named: string | undefined, o: Record<string, string | boolean | undefined>) => {
        const list = (v: unknown) => (typeof v === 'string' && v ? v.split(',').map((s) => s.trim()) : []);
        if (kind === 'calendar') return addCalendar(api, named, o, list);
        if (!named) throw new CliError(`give the ${kind} source a name`);
        const common = { name: named, ownAddresses: list(o.own), excludedDomains: list(o.exclude) };
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
        else throw new CliError(`unknown kind "${kind}": use imap, mbox or calendar`);
        const created = await call<Source>(await api(), 'POST', '/api/v1/sources', body);
        if (o.json) return console.log(JSON.stringify(created, null, 2));
        console.log(`Added ${created.kind} source '${created.name}' (${created.id}).`);
      },
    );

  sources
    .command('sync')
    .description('sync a mailbox or calendar address now, or read an mbox or .ics file into its source')
    .argument('<id>', 'source id (from `tend sources list`)')
    .argument('[file]', 'the mbox or .ics file, for a file source')
    .option('--json', 'print the JSON response')
    .action(async (id: string, file: string | undefined, o: { json?: boolean }) => {
      const t = await api();
      const path = `/api/v1/sources/${encodeURIComponent(id)}`;
      let run: CaptureRun;
      if (file) {
        run = await uploadFile(t, `${path}/upload`, file);
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
