import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Argument, type Command, Option } from 'commander';
import { RestoreSummary } from '../contract/backup';
import { errorCode } from '../core/error-code';
import { withProgress } from './progress';
import type { Api } from './transport';
import { CliError, fetchBody, problemLine, query, replyOf } from './transport';

const EXPORTS = {
  vcard: '/api/v1/export/contacts.vcf',
  csv: '/api/v1/export/contacts.csv',
  json: '/api/v1/export/backup.json',
} as const;
type ExportFormat = keyof typeof EXPORTS;

/** Writes a stream to stdout at the pace the reader takes it (a pipe into `head` or `gzip`). */
async function toStdout(body: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of body) {
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
  }
}

/** The size of a file to send, or a CliError saying why it cannot be read. */
function fileSize(file: string): number {
  try {
    const stat = statSync(file);
    if (stat.isFile()) return stat.size;
  } catch (error) {
    throw new CliError(`cannot read ${file} (${String(errorCode(error) ?? error)})`);
  }
  throw new CliError(`${file} is not a file`);
}

/** `Restored 300 contacts, 2323 interactions, …` from the rows written per section. */
export function restoreLine(summary: RestoreSummary): string {
  const parts = Object.entries(summary.restored)
    .filter(([, n]) => n > 0)
    .map(([section, n]) => `${n} ${section.replaceAll('_', ' ')}`);
  return parts.length ? `Restored ${parts.join(', ')}` : 'Restored an empty backup';
}

/** A file name for `tend backup` without a path: the current folder, stamped to the second. */
export function defaultBackupPath(now: Date): string {
  return `tend-${now.toISOString().slice(0, 19).replaceAll(':', '')}.db`;
}

/** `tend export`, `tend restore` and `tend backup`: getting everything out, and back in. */
export function exportCommand(program: Command, api: Api): void {
  program
    .command('export')
    .description('contacts as vCard or CSV, or the whole account as a JSON backup (to stdout or -o FILE)')
    .addArgument(
      new Argument('<format>', 'vcard, csv, or json (a full backup `tend restore` reads)').choices(
        Object.keys(EXPORTS),
      ),
    )
    .addOption(
      new Option('--version <v>', 'vCard version (3.0 for older address books)').choices(['4.0', '3.0']),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (format: ExportFormat, o: { version?: string; output?: string }) => {
      const path = `${EXPORTS[format]}${format === 'vcard' ? query({ version: o.version }) : ''}`;
      const body = await fetchBody(await api(), path);
      if (!o.output) return toStdout(body);
      await pipeline(Readable.from(body), createWriteStream(o.output));
      console.log(`Wrote ${o.output} (${statSync(o.output).size} bytes)`);
    });

  program
    .command('restore')
    .description('restore a JSON backup (from `tend export json`) into this account, which must be empty')
    .argument('<file>', 'the backup file')
    .option('--json', 'print the JSON response')
    .action(async (file: string, o: { json?: boolean }) => {
      const size = fileSize(file);
      const bytes = withProgress(createReadStream(file), size, `Uploading ${basename(file)}`, process.stderr);
      const reply = await (await api()).upload('/api/v1/import/backup', {
        bytes,
        contentType: 'application/json',
        size,
      });
      if (reply.status >= 400) throw new CliError(problemLine(reply));
      const summary = replyOf(reply, RestoreSummary, 'the restore');
      console.log(o.json ? JSON.stringify(summary, null, 2) : restoreLine(summary));
    });

  program
    .command('backup')
    .description(
      'copy the local SQLite database while it may be in use (local only: not with --server; ' +
        'on PostgreSQL use pg_dump, see docs/backup.md)',
    )
    .argument('[path]', 'the copy to write (default: tend-<date-time>.db here); must not exist yet')
    .action(async (path: string | undefined) => {
      if (program.opts<{ server?: string }>().server)
        throw new CliError(
          "backup copies the local database file, so it cannot run against --server; on the server's machine " +
            'run `tend backup` there, or use `tend export json` for a JSON backup of your account',
        );
      const target = resolve(path ?? defaultBackupPath(new Date()));
      if (existsSync(target)) throw new CliError(`${target} already exists; give a new file name`);
      const [{ loadConfig }, { openStore }, { backupDatabase }] = await Promise.all([
        import('../config'),
        import('../store/open-store'),
        import('../services/backup/backup.service'),
      ]);
      const config = loadConfig();
      if (config.databaseUrl)
        throw new CliError(
          'backup copies a SQLite file, and DATABASE_URL points at PostgreSQL: use pg_dump (see docs/backup.md)',
        );
      const source = join(config.dataDir, 'tend.db');
      if (!existsSync(source)) throw new CliError(`there is no database at ${source} (set TEND_DATA_DIR?)`);
      const store = await openStore(config);
      try {
        await backupDatabase({ store }, target);
      } finally {
        await store.close();
      }
      console.log(`Backed up ${source} to ${target} (${statSync(target).size} bytes)`);
    });
}
