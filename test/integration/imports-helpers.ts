import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Caller } from '../helpers/app';
import type { TestStore } from '../helpers/stores';

/** Uploads a file as the raw body, the way the web page and the CLI do. */
export function upload(
  app: FastifyInstance,
  caller: Caller,
  body: string | Buffer | NodeJS.ReadableStream,
  opts: { fileName?: string; type?: string; region?: string; map?: string } = {},
): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ fileName: opts.fileName ?? 'upload.csv' });
  if (opts.region) query.set('region', opts.region);
  if (opts.map) query.set('map', opts.map);
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports?${query}`,
    headers: { authorization: `Bearer ${caller.token}`, 'content-type': opts.type ?? 'text/csv' },
    payload: body,
  });
}

/** A LinkedIn Connections export with its preamble; rows are [first, last, url, email, company, position, connected]. */
export function linkedInCsv(rows: string[][]): string {
  const preamble = 'Notes:\n"When exporting your connection data, you may notice…"\n\n';
  const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return preamble + header + rows.map((r) => `${r.map(quote).join(',')}\n`).join('');
}

/** Row counts of every table in the database, to show that a failed request changed nothing. */
export async function allTableCounts(store: TestStore): Promise<Record<string, number>> {
  const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const names =
    store.kind === 'sqlite'
      ? await sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'contact_search_%'`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
          db,
        );
  const out: Record<string, number> = {};
  for (const { name } of names.rows) {
    const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}
