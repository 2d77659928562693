import type { Command } from 'commander';
import { CarddavConflictList, CarddavRun, Subscription, SubscriptionList } from '../contract/carddav';
import { formatDate, renderTable, terminalWidth } from './format';
import { type Api, CliError, call, send } from './transport';

/** Reads the app password from TEND_CARDDAV_PASSWORD or stdin, never from argv (ps shows argv). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.TEND_CARDDAV_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw new CliError('give the app password on stdin or in TEND_CARDDAV_PASSWORD');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8').trim();
}

const runLine = (r: CarddavRun) =>
  `${r.pulled} pulled, ${r.pushed} pushed, ${r.deleted} deleted, ${r.conflicts} waiting for a choice` +
  (r.errors.length ? `, ${r.errors.length} unreadable` : '');

/** `tend sync carddav add|list|run|rm|conflicts`: address books Tend keeps in step with (F31). */
export function syncCommand(program: Command, api: Api): void {
  const carddav = program
    .command('sync')
    .description('keep Tend in step with other places')
    .command('carddav')
    .description('address books you already have (Nextcloud, Radicale, iCloud, Fastmail)');

  carddav
    .command('list')
    .description('list subscribed address books with their last sync')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const list = await call(await api(), 'GET', '/api/v1/carddav-subscriptions', SubscriptionList);
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.items.length === 0)
        return console.log('No address books. Subscribe to one with `tend sync carddav add`.');
      const columns = [
        { header: 'ID', min: 36 },
        { header: 'NAME' },
        { header: 'LAST SYNC' },
        { header: 'PULLED' },
        { header: 'PUSHED' },
        { header: 'CONFLICTS' },
        { header: 'LAST ERROR' },
      ];
      const rows = list.items.map((s) => [
        s.id,
        s.name,
        s.syncing ? 'syncing…' : s.lastSyncAt ? formatDate(s.lastSyncAt) : 'never',
        String(s.pulled),
        String(s.pushed),
        String(s.conflicts),
        s.lastError ?? '',
      ]);
      console.log(renderTable(columns, rows, terminalWidth()));
    });

  carddav
    .command('add')
    .description('subscribe to an address book (app password on stdin or in TEND_CARDDAV_PASSWORD)')
    .argument('<url>', 'the server (discovered through /.well-known/carddav) or the address book itself')
    .requiredOption('--user <user>', 'the user name on that server')
    .option('--name <name>', "a name for it (default: the book's own)")
    .option('--push-new', 'also write contacts created in Tend from now on into the book')
    .option('--json', 'print the JSON response')
    .action(async (url: string, o: { user: string; name?: string; pushNew?: boolean; json?: boolean }) => {
      const created = await call(await api(), 'POST', '/api/v1/carddav-subscriptions', Subscription, {
        url,
        user: o.user,
        password: await readPassword(),
        pushNew: o.pushNew === true,
        ...(o.name && { name: o.name }),
      });
      if (o.json) return console.log(JSON.stringify(created, null, 2));
      console.log(
        `Subscribed to '${created.name}' (${created.id}). Run \`tend sync carddav run ${created.id}\`.`,
      );
    });

  carddav
    .command('run')
    .description('sync an address book now')
    .argument('<id>', 'subscription id (from `tend sync carddav list`)')
    .option('--json', 'print the JSON response')
    .action(async (id: string, o: { json?: boolean }) => {
      const run = await call(
        await api(),
        'POST',
        `/api/v1/carddav-subscriptions/${encodeURIComponent(id)}/run`,
        CarddavRun,
      );
      if (o.json) return console.log(JSON.stringify(run, null, 2));
      console.log(runLine(run));
      for (const e of run.errors) console.error(`  ${e}`);
    });

  carddav
    .command('conflicts')
    .description('cards waiting for a choice (resolve them in Settings or through the API)')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const list = await call(await api(), 'GET', '/api/v1/carddav-conflicts', CarddavConflictList);
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.items.length === 0) return console.log('Nothing waits for a choice.');
      for (const c of list.items) console.log(`${c.id}  ${c.kind}  ${c.cardName}: ${c.reason}`);
    });

  carddav
    .command('rm')
    .description('unsubscribe (the contacts stay in Tend; the book is not touched)')
    .argument('<id>', 'subscription id')
    .action(async (id: string) => {
      await send(await api(), 'DELETE', `/api/v1/carddav-subscriptions/${encodeURIComponent(id)}`);
      console.log(`Unsubscribed ${id}.`);
    });
}
