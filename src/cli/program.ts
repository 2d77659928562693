import { Command, Option } from 'commander';
import { adminCommand } from './admin-command';
import { contactsCommand, positiveInt, printContacts } from './contacts-command';
import { demoCommand } from './demo-command';
import { doctorCommand } from './doctor-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { localTransport } from './local-transport';
import { logCommand } from './log-command';
import { remoteTransport } from './remote-transport';
import { segmentsCommand } from './segments-command';
import { sourcesCommand } from './sources-command';
import { syncCommand } from './sync-command';
import { todayCommand } from './today-command';
import { tokenCommand } from './token-command';
import type { Api, Transport } from './transport';

interface Globals {
  server?: string;
  token?: string;
}

/** The whole command tree; `opened` receives the transport so main can close it whatever happens. */
export function buildProgram(opened: (t: Transport) => void): Command {
  const program = new Command('tend')
    .description(
      "Tend from the terminal: today's queue, contacts, interactions, import, export and tokens over the REST API",
    )
    .addOption(new Option('--server <url>', 'a Tend server (default: the local database)').env('TEND_SERVER'))
    .addOption(new Option('--token <token>', 'API token for --server').env('TEND_TOKEN'))
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  let transport: Promise<Transport> | undefined;
  const api: Api = () => {
    transport ??= (async () => {
      const g = program.opts<Globals>();
      let t: Transport;
      if (g.server) {
        if (!/^https?:\/\/[^/]/.test(g.server))
          return program.error(`error: --server must be an http(s) URL, got '${g.server}'`, { exitCode: 2 });
        if (!g.token) return program.error('error: --server needs --token (or TEND_TOKEN)', { exitCode: 2 });
        t = remoteTransport(g.server, g.token);
      } else {
        t = await localTransport();
      }
      opened(t);
      return t;
    })();
    return transport;
  };

  todayCommand(program, api);
  contactsCommand(program, api);
  logCommand(program, api);
  program
    .command('search')
    .description('full-text search over contacts (same table as `contacts list`)')
    .argument('<text>', 'names, companies, e-mails, notes, facts')
    .option('--limit <n>', 'how many (1-500, default 50)', positiveInt)
    .option('--all', 'every match, not just the first page')
    .option('--json', 'print the JSON response')
    .action(async (text: string, o: { limit?: number; all?: boolean; json?: boolean }) =>
      printContacts(await api(), { ...o, q: text }),
    );
  segmentsCommand(program, api);
  importCommand(program, api);
  exportCommand(program, api);
  tokenCommand(program, api);
  sourcesCommand(program, api);
  syncCommand(program, api);
  demoCommand(program, api);
  doctorCommand(program);
  adminCommand(program, api, () => Boolean(program.opts<Globals>().server));
  return program;
}
