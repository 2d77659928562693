import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { type ImportCommit, type ImportRow, ImportRowPage, ImportRun } from '../contract/imports';
import { errorCode } from '../core/error-code';
import { MAPPING_FIELD_LABELS, parseMapSpec } from '../core/import-mapping';
import { withProgress } from './progress';
import type { Api } from './transport';
import {
  CliError,
  call,
  fetchBody,
  problemField,
  problemLine,
  query,
  replyOf,
  send,
  type Transport,
  UsageError,
} from './transport';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  merge: 'merge' | 'create' | 'skip';
  duplicates: 'skip' | 'create';
  conflicts: 'create' | 'merge' | 'skip';
  errorsCsv?: string;
  /** Unset: the server decides (tracked for up to 300 new contacts). */
  track?: boolean;
  /** `Vorname=firstName,…`: a generic CSV's columns (checked here for form, by the server for names). */
  map?: string;
}

const ERRORS_SHOWN = 5;
const CONFLICTS_SHOWN = 5;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `LinkedIn Connections CSV, 7 rows: 4 new, 1 duplicate, 1 to merge, 1 maybe someone else, 1 error` */
export function previewLine(run: ImportRun): string {
  const c = run.counts;
  const conflicts = c.conflict ? `, ${c.conflict} maybe someone else (created as new)` : '';
  const warnings = c.warnings ? `, ${plural(c.warnings, 'row')} with a field skipped` : '';
  const empty = c.skippedEmpty ? `; ${plural(c.skippedEmpty, 'empty row')} left out` : '';
  return (
    `${run.formatLabel}, ${plural(c.total, 'row')}: ${c.new} new, ${plural(c.duplicate, 'duplicate')}, ` +
    `${c.merge} to merge${conflicts}, ${plural(c.error, 'error')}${warnings}${empty}`
  );
}

/** `Columns: Vorname → First name, Post → E-mail, Notiz → Ignore (remembered from the last import)` */
export function mappingLines(run: ImportRun): string[] {
  const m = run.mapping;
  if (!m) return [];
  const columns = m.columns
    .filter((c) => c.name !== '' || c.field !== 'ignore')
    .map((c) => `${c.name || `column ${c.index + 1}`} → ${MAPPING_FIELD_LABELS[c.field]}`);
  const how = m.remembered ? ' (remembered from the last import of these columns)' : '';
  return [`Columns: ${columns.join(', ')}${how}`, ...m.warnings.map((w) => `  ${w}`)];
}

/** `line 7: Grace Hopper — same phone, different name (…): a different person?` */
export function conflictLine(row: ImportRow): string {
  return `line ${row.line}: ${row.name} — ${row.reason ?? 'a different person?'}`;
}

/** `Imported: 4 created, 1 merged, 2 skipped, 0 new-role events` */
export function resultLine(run: ImportRun): string {
  const r = run.result;
  if (!r) return `Import ${run.id} is ${run.status}`;
  return `Imported: ${r.created} created, ${r.merged} merged, ${r.skipped} skipped, ${plural(r.lifeEvents, 'new-role event')}`;
}

/** `row 8: the first name is empty (NoFirst)`: the server's message already names the row. */
export function errorLine(row: ImportRow): string {
  const text = row.error ?? 'unreadable';
  const where = /^(row|line) \d+/i.test(text) ? text : `line ${row.line}: ${text}`;
  return row.name ? `${where} (${row.name})` : where;
}

/** Streams the file to the preview route with progress on stderr; the server's 400 becomes a CliError. */
async function upload(t: Transport, file: string, map: string | undefined): Promise<ImportRun> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new CliError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${file} (${String(errorCode(error) ?? error)})`);
  }
  const bytes = withProgress(createReadStream(file), size, `Uploading ${basename(file)}`, process.stderr);
  const reply = await t.upload(`/api/v1/imports${query({ fileName: basename(file), map })}`, {
    bytes,
    contentType: 'application/octet-stream',
    size,
  });
  if (reply.status === 400 && problemField(reply) === 'map')
    throw new UsageError(`--map ${problemLine(reply).replace(/^map: /, '')}`);
  if (reply.status >= 400) throw new CliError(problemLine(reply));
  return replyOf(reply, ImportRun, 'the upload');
}

async function saveTo(path: string, body: AsyncIterable<Uint8Array>): Promise<void> {
  await pipeline(Readable.from(body), createWriteStream(path));
}

/** `tend import FILE`: upload → preview → commit (or discard with --dry-run). */
export function importCommand(program: Command, api: Api): void {
  program
    .command('import')
    .description(
      'import contacts from a LinkedIn, Google or Outlook CSV, a vCard file, or any CSV with a header row',
    )
    .argument('<file>', 'the exported file (format is read from its content)')
    .option('--dry-run', 'show what would happen, then discard the preview: nothing is written')
    .addOption(
      new Option('--merge <action>', 'rows that match a contact and would change it')
        .choices(['merge', 'create', 'skip'])
        .default('merge'),
    )
    .addOption(
      new Option('--duplicates <action>', 'rows that match a contact and change nothing')
        .choices(['skip', 'create'])
        .default('skip'),
    )
    .addOption(
      new Option(
        '--conflicts <action>',
        'rows that match a contact on one key while another (e-mail, LinkedIn, name) differs',
      )
        .choices(['create', 'merge', 'skip'])
        .default('create'),
    )
    .option(
      '--map <columns>',
      'for a CSV of any other layout: "Column=field,…" (firstName, lastName, fullName, email, phone, company, title, birthday, city, country, notes, tags, linkedin, website, ignore); other columns keep their guessed or remembered field',
    )
    .option('--errors-csv <path>', 'save the rows that could not be read (Line, Error, Name) as CSV')
    .option('--json', 'print the JSON of the import (the preview with --dry-run)')
    .option('--track', 'give the new contacts a cadence (the default for up to 300 new people)')
    .option('--no-track', 'import them untracked (the default above 300 new people)')
    .action(async (file: string, o: ImportOptions) => {
      if (o.map !== undefined) {
        const spec = parseMapSpec(o.map);
        if (!spec.ok) throw new UsageError(`--map ${spec.error}`);
      }
      const t = await api();
      const preview = await upload(t, file, o.map);
      if (!o.json) {
        console.log(previewLine(preview));
        for (const line of mappingLines(preview)) console.log(line);
        if (preview.counts.conflict > 0) {
          const rows = await call(
            t,
            'GET',
            `/api/v1/imports/${preview.id}/rows${query({ status: 'conflict', limit: CONFLICTS_SHOWN })}`,
            ImportRowPage,
          );
          for (const row of rows.items) console.log(`  ${conflictLine(row)}`);
          if (preview.counts.conflict > rows.items.length)
            console.log(
              `  … and ${preview.counts.conflict - rows.items.length} more (--conflicts merge|skip)`,
            );
        }
        if (preview.counts.error > 0) {
          const errors = await call(
            t,
            'GET',
            `/api/v1/imports/${preview.id}/rows${query({ status: 'error', limit: ERRORS_SHOWN })}`,
            ImportRowPage,
          );
          for (const row of errors.items) console.log(`  ${errorLine(row)}`);
          if (preview.counts.error > errors.items.length)
            console.log(`  … and ${preview.counts.error - errors.items.length} more (--errors-csv FILE)`);
        }
      }
      if (o.errorsCsv) {
        await saveTo(o.errorsCsv, await fetchBody(t, `/api/v1/imports/${preview.id}/errors.csv`));
        if (!o.json) console.log(`Errors saved to ${o.errorsCsv}`);
      }
      if (o.dryRun) {
        await send(t, 'DELETE', `/api/v1/imports/${preview.id}`);
        if (o.json) return console.log(JSON.stringify(preview, null, 2));
        return console.log('Dry run: nothing was imported.');
      }
      const body: z.input<typeof ImportCommit> = {
        defaults: { merge: o.merge, duplicate: o.duplicates, conflict: o.conflicts },
        ...(o.track !== undefined && { tracked: o.track }),
      };
      const done = await call(t, 'POST', `/api/v1/imports/${preview.id}/commit`, ImportRun, body);
      console.log(o.json ? JSON.stringify(done, null, 2) : resultLine(done));
    });
}
