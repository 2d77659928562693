import type { Command } from 'commander';
import type { Config } from '../config';
import { buildChecks, type Check, exposureChecks, nodeCheck, smtpCheck } from './doctor-checks';
import { CliError } from './transport';

const said = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Opens the local database as the server would, and says what it found; never throws. */
async function databaseChecks(): Promise<{ checks: Check[]; config?: Config }> {
  const { loadConfig } = await import('../config');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return { checks: [{ name: 'configuration', status: 'fail', detail: said(error) }] };
  }
  const checks: Check[] = [{ name: 'configuration', status: 'ok', detail: 'every variable parses' }];
  const [{ openStore }, { readiness }, { loadSecretKey }, { newId }] = await Promise.all([
    import('../store/open-store'),
    import('../services/readiness.service'),
    import('../secret-key'),
    import('../ids'),
  ]);
  try {
    loadSecretKey(config);
    checks.push({
      name: 'secret key',
      status: 'ok',
      detail: config.secret
        ? 'from TEND_SECRET'
        : 'key file in the data directory, readable by its owner only',
    });
  } catch (error) {
    checks.push({ name: 'secret key', status: 'fail', detail: said(error) });
  }
  try {
    const store = await openStore(config);
    try {
      const state = await readiness(
        { store, clock: () => new Date(), newId, secretKey: Buffer.alloc(32) },
        false,
      );
      checks.push(
        state.ready
          ? { name: 'database', status: 'ok', detail: `${store.location}, schema up to date` }
          : { name: 'database', status: 'fail', detail: state.reason },
      );
    } finally {
      await store.close();
    }
  } catch (error) {
    checks.push({ name: 'database', status: 'fail', detail: `cannot open: ${said(error)}` });
  }
  return { checks, config };
}

/** `tend doctor`: checks what a self-hosted server needs, on this machine; exit 1 when something fails. */
export function doctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check this machine: Node, configuration, database, secret key, builds, SMTP, exposure')
    .option('--json', 'print the checks as JSON')
    .action(async (o: { json?: boolean }) => {
      if (program.opts<{ server?: string }>().server)
        throw new CliError('doctor checks the local installation; run it on the server without --server');
      const { checks, config } = await databaseChecks();
      checks.unshift(nodeCheck());
      checks.push(...buildChecks(process.cwd()));
      if (config) checks.push(await smtpCheck(config.smtpUrl), ...exposureChecks(config));
      if (o.json) console.log(JSON.stringify(checks, null, 2));
      else for (const c of checks) console.log(`${c.status.padEnd(4)}  ${c.name.padEnd(13)}  ${c.detail}`);
      const failed = checks.filter((c) => c.status === 'fail').length;
      if (failed) throw new CliError(`${failed} check${failed === 1 ? '' : 's'} failed`);
    });
}
