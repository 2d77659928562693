import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { fromSchema, HOSTILE_STRINGS, hostileValue, type JsonSchema } from './schema-arbitrary';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: JsonSchema;
}
interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}
/** A path parameter: an id seen in an earlier response (so requests reach real rows), or a hostile string. */
type PathValue = { pool: number } | { raw: string };
interface Case {
  path: Record<string, PathValue>;
  query: Record<string, unknown>;
  body: { value: unknown } | null;
}

export interface FuzzFailure {
  request: string;
  status: number;
  why: string;
  response: string;
}
export interface FuzzReport {
  operations: number;
  requests: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
  ms: number;
}

// What a body must never show: a stack frame, a source path, or the database talking.
const LEAK =
  /\n\s+at .+[(:]\d+|node_modules|\.ts:\d+|SQLITE_|syntax error|violates .* constraint|invalid byte sequence|relation "|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b/i;

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
        ?.content;
      out.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        ...(content?.['application/json']?.schema && { body: content['application/json'].schema }),
      });
    }
  }
  return out;
}

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const pathValue: fc.Arbitrary<PathValue> = fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((pool) => ({ pool })) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((raw) => ({ raw })) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((raw) => ({ raw })) },
  );
  const path = Object.fromEntries(
    op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue]),
  );
  const query = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'query')
      .map((p) => [p.name, fc.option(fromSchema(p.schema), { nil: undefined })]),
  );
  const writes = op.method !== 'GET' && op.method !== 'DELETE';
  const body: fc.Arbitrary<Case['body']> = op.body
    ? fromSchema(op.body, 0, 8).map((value) => ({ value }))
    : writes
      ? fc.option(
          hostileValue.map((value) => ({ value })),
          { nil: null },
        )
      : fc.constant(null);
  return fc.record({ path: fc.record(path), query: fc.record(query), body });
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes through raw, as an attacker would send it. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

function queryString(query: Record<string, unknown>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function harvest(body: unknown, pool: string[], protectedIds: Set<string>) {
  const take = (v: unknown) => {
    const id = (v as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !protectedIds.has(id) && pool.length < 2000) pool.push(id);
  };
  take(body);
  const items = (body as { items?: unknown } | null)?.items;
  if (Array.isArray(items)) for (const item of items.slice(0, 20)) take(item);
}

/**
 * Sends `runs` generated requests to every operation of the app's OpenAPI document, round-robin,
 * as the caller behind `token`, and reports every 5xx and every body that leaks internals.
 * Deterministic for a seed: cases are drawn up front with fast-check.
 */
export async function fuzzOpenApi(
  app: FastifyInstance,
  token: string,
  o: { runs: number; seed: number; seedIds?: string[]; protectedIds?: string[] },
): Promise<FuzzReport> {
  const started = Date.now();
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops = operations(doc);
  const cases = ops.map((op, i) => fc.sample(caseArbitrary(op), { seed: o.seed + i, numRuns: o.runs }));
  const pool = [...(o.seedIds ?? [])];
  const protectedIds = new Set(o.protectedIds ?? []);
  const report: FuzzReport = { operations: ops.length, requests: 0, byStatus: {}, failures: [], ms: 0 };

  for (let run = 0; run < o.runs; run++) {
    for (const [i, op] of ops.entries()) {
      const c = cases[i]![run]!;
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const v = c.path[name];
        if (!v) return 'missing';
        return 'pool' in v ? encode(pool.length ? pool[v.pool % pool.length]! : 'none') : encode(v.raw);
      });
      const url = path + queryString(c.query);
      const hasBody = c.body !== null && c.body.value !== undefined;
      const res = await app.inject({
        method: op.method,
        url,
        headers: { authorization: `Bearer ${token}`, ...(hasBody && { 'content-type': 'application/json' }) },
        ...(hasBody && { payload: JSON.stringify(c.body!.value) }),
      });
      report.requests++;
      report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
      // A 502 names a server Tend talked to for the user (their mailbox) that failed: an answer, not a bug.
      const upstream = res.statusCode === 502 && res.body.includes('"Bad gateway"');
      const why =
        res.statusCode >= 500 && !upstream
          ? 'server error'
          : res.statusCode >= 400 && LEAK.test(res.body)
            ? 'leak'
            : null;
      if (why) {
        report.failures.push({
          request: `${op.method} ${url.slice(0, 300)}${hasBody ? ` ${JSON.stringify(c.body!.value).slice(0, 300)}` : ''}`,
          status: res.statusCode,
          why,
          response: res.body.slice(0, 500),
        });
      } else if (
        res.statusCode < 300 &&
        String(res.headers['content-type'] ?? '').includes('json') &&
        !op.path.includes('token')
      ) {
        harvest(safeJson(res.body), pool, protectedIds);
      }
    }
  }
  report.ms = Date.now() - started;
  return report;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
