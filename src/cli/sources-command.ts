import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CaptureRun, Source, SourceList } from '../contract/capture';
import { resolveContactId } from './contact-ref';
import { formatDate, renderTable, terminalWidth } from './format';
import { type Api, CliError, call, problemLine, replyOf, send, type Transport } from './transport';

/** One line per run; the skip reasons most frequent first (then by name), whatever order the server counted them in. */
function runLine(r: CaptureRun): string {
  const skipped = Object.entries(r.skipped)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
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

async function uploadFile(t: Transport, path: string, file: string, dateOrder: unknown): Promise<CaptureRun> {
  const order = typeof dateOrder === 'string' ? `?dateOrder=${encodeURIComponent(dateOrder)}` : '';
  const reply = await t.upload(`${path}${order}`, {
    bytes: createReadStream(file),
    contentType: file.endsWith('.csv')
      ? 'text/csv'
      : file.endsWith('.txt')
        ? 'text/plain'
        : /\.ics$/i.test(file)
          ? 'text/calendar'
          : /\.zip$/i.test(file)
            ? 'application/zip'
            : 'application/mbox',
    size: statSync(file).size,
  });
  if (reply.status >= 400) throw new CliError(withFlags(problemLine(reply)));
  return replyOf(reply, CaptureRun, 'the upload');
}

/** The API names its fields; the CLI user needs the flags that set them. */
function withFlags(line: string): string {
  return line
    .replace(/\bgive dateOrder\b/, 'give --date-order')
    .replace(/\bgive ownName\b/, 'give --me')
    .replace(/\bgive ownProfileUrl\b/, 'give --profile');
}

function printRun(run: CaptureRun): void {
  console.log(runLine(run));
  for (const e of run.errors) console.error(`  ${e}`);
}

/**
 * `sources add linkedin-messages FILE` and `sources add whatsapp FILE --contact …`: a source named
 * after the file, read at once; a file that cannot be read removes it again. `sources sync ID FILE`
 * reads a later export into it.
 */
async function addMessageFile(
  api: Api,
  kind: 'linkedin-messages' | 'whatsapp',
  file: string,
  o: Record<string, string | boolean | undefined>,
): Promise<void> {
  const t = await api();
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const common = {
    name: basename(file).slice(0, 100),
    storeBodies: o.storeBodies === true,
    ownName: text(o.me),
  };
  let body: Record<string, unknown>;
  if (kind === 'whatsapp') {
    const ref = text(o.contact);
    if (!ref)
      throw new CliError('whatsapp: give --contact, the contact the chat is with (one chat is one contact)');
    body = { kind: 'whatsapp', ...common, contactId: await resolveContactId(t, ref) };
  } else body = { kind: 'linkedin_messages', ...common, ownProfileUrl: text(o.profile) };
  const created = await call(t, 'POST', '/api/v1/sources', Source, body);
  const path = `/api/v1/sources/${encodeURIComponent(created.id)}`;
  let run: CaptureRun;
  try {
    run = await uploadFile(t, `${path}/upload`, file, o.dateOrder);
  } catch (error) {
    // A file that cannot be read leaves nothing behind, not even its empty source.
    await send(t, 'DELETE', `${path}?withCaptured=true`);
    throw error;
  }
  if (o.json) return console.log(JSON.stringify({ source: created, run }, null, 2));
  console.log(`Added ${created.kind} source '${created.name}' (${created.id}).`);
  printRun(run);
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
  const created = await call(t, 'POST', '/api/v1/sources', Source, body);
  const path = `/api/v1/sources/${encodeURIComponent(created.id)}`;
  let run: CaptureRun;
  try {
    run = file
      ? await uploadFile(t, `${path}/upload`, file, undefined)
      : await call(t, 'POST', `${path}/sync`, CaptureRun);
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
      const list = await call(await api(), 'GET', '/api/v1/sources', SourceList);
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
      'add an IMAP mailbox (password on stdin or in TEND_IMAP_PASSWORD), an mbox file or a calendar (--file F | --url U); or read a ' +
        'LinkedIn messages.csv (linkedin-messages FILE) or a WhatsApp chat (whatsapp FILE --contact …)',
    )
    .argument('<kind>', 'imap, mbox, calendar, linkedin-messages or whatsapp')
    .argument(
      '[name]',
      'a name for it (for linkedin-messages and whatsapp: the file, read at once; a calendar is named after its file or host)',
    )
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
    .option('--contact <ref>', 'whatsapp: the contact the chat is with (id or exact name)')
    .option('--date-order <order>', 'whatsapp: dmy or mdy, when every date in the chat reads both ways')
    .option(
      '--me <name>',
      'linkedin-messages, whatsapp: your name as the file writes it, when it cannot tell',
    )
    .option('--profile <url>', 'linkedin-messages: your profile URL, when the file cannot tell')
    .option('--store-bodies', 'linkedin-messages, whatsapp: keep the message texts (bounded); off by default')
    .option('--json', 'print the JSON response')
    .action(
      async (kind: string, named: string | undefined, o: Record<string, string | boolean | undefined>) => {
        const list = (v: unknown) => (typeof v === 'string' && v ? v.split(',').map((s) => s.trim()) : []);
        if (kind === 'calendar') return addCalendar(api, named, o, list);
        if (!named) throw new CliError(`give the ${kind} source a name`);
        if (kind === 'linkedin-messages' || kind === 'whatsapp') return addMessageFile(api, kind, named, o);
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
        else
          throw new CliError(
            `unknown kind "${kind}": use imap, mbox, calendar, linkedin-messages or whatsapp`,
          );
        const created = await call(await api(), 'POST', '/api/v1/sources', Source, body);
        if (o.json) return console.log(JSON.stringify(created, null, 2));
        console.log(`Added ${created.kind} source '${created.name}' (${created.id}).`);
      },
    );

  sources
    .command('sync')
    .description('sync a mailbox or calendar address now, or read an mbox or .ics file into its source')
    .argument('<id>', 'source id (from `tend sources list`)')
    .argument('[file]', 'the file, for a file source (mbox, .ics, LinkedIn messages.csv, WhatsApp chat)')
    .option('--date-order <order>', 'whatsapp: dmy or mdy, when every date in the chat reads both ways')
    .option('--json', 'print the JSON response')
    .action(async (id: string, file: string | undefined, o: { json?: boolean; dateOrder?: string }) => {
      const t = await api();
      const path = `/api/v1/sources/${encodeURIComponent(id)}`;
      const run = file
        ? await uploadFile(t, `${path}/upload`, file, o.dateOrder)
        : await call(t, 'POST', `${path}/sync`, CaptureRun);
      if (o.json) return console.log(JSON.stringify(run, null, 2));
      printRun(run);
    });

  sources
    .command('rm')
    .description('remove a source')
    .argument('<id>', 'source id')
    .option('--with-captured', 'also remove the interactions it captured')
    .action(async (id: string, o: { withCaptured?: boolean }) => {
      await send(
        await api(),
        'DELETE',
        `/api/v1/sources/${encodeURIComponent(id)}?withCaptured=${o.withCaptured ? 'true' : 'false'}`,
      );
      console.log(`Removed source ${id}${o.withCaptured ? ' and what it captured' : ''}.`);
    });
}
