import type { z } from 'zod';
/** How the CLI reaches the API: in-process (`app.inject`) or over HTTP; commands see only this. */
export interface Transport {
  request(method: Method, path: string, body?: unknown): Promise<Reply>;
  /** POSTs raw bytes (a file) instead of JSON, streamed: never held whole in memory. */
  upload(path: string, body: Upload): Promise<Reply>;
  /** GETs a body that is not JSON (a CSV, a vCard, a backup) as a stream; errors come back as a Reply. */
  download(path: string): Promise<Download>;
  close(): Promise<void>;
}

export interface Upload {
  bytes: AsyncIterable<Uint8Array>;
  contentType: string;
  /** Sent as Content-Length when known. */
  size?: number;
}

export type Download = { ok: true; body: AsyncIterable<Uint8Array> } | { ok: false; reply: Reply };

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Reply {
  status: number;
  /** The parsed body; null for 204 and for bodies that are not JSON. */
  json: unknown;
}

/** An expected failure: printed as one line on stderr, exit code 1, never a stack trace. */
export class CliError extends Error {}
/** A usage error the server found (an unknown column in --map): printed the same way, exit code 2. */
export class UsageError extends CliError {}

/** The field a problem+json answer names first (`errors[0].field`), if any. */
export function problemField(reply: Reply): string | undefined {
  const p = typeof reply.json === 'object' && reply.json !== null ? reply.json : {};
  if (!('errors' in p) || !Array.isArray(p.errors)) return undefined;
  const first: unknown = p.errors[0];
  return typeof first === 'object' && first !== null && 'field' in first && typeof first.field === 'string'
    ? first.field
    : undefined;
}

/** One line for a problem+json answer; falls back to the status when the body is not a problem. */
export function problemLine(reply: Reply): string {
  const p = typeof reply.json === 'object' && reply.json !== null ? reply.json : {};
  if ('detail' in p && typeof p.detail === 'string' && p.detail) return p.detail;
  if ('title' in p && typeof p.title === 'string' && p.title) return p.title;
  return `the server answered ${reply.status}`;
}

/**
 * Sends one request and returns its JSON checked against the contract's schema of the answer,
 * turning any 4xx/5xx into a CliError with the problem's detail.
 */
export async function call<S extends z.ZodType>(
  t: Transport,
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const reply = await t.request(method, path, body);
  if (reply.status >= 400) throw new CliError(problemLine(reply));
  return replyOf(reply, schema, `${method} ${path}`);
}

/** Sends a request whose answer has no body (204), turning any 4xx/5xx into a CliError. */
export async function send(t: Transport, method: Method, path: string, body?: unknown): Promise<void> {
  const reply = await t.request(method, path, body);
  if (reply.status >= 400) throw new CliError(problemLine(reply));
}

/**
 * A successful reply's JSON as the contract's schema reads it; a server of another version that
 * answers in another shape is an error naming the field, not a crash further on.
 */
export function replyOf<S extends z.ZodType>(reply: Reply, schema: S, what: string): z.output<S> {
  const parsed = schema.safeParse(reply.json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new CliError(
    `the server's answer to ${what} does not fit this CLI (${field}: ${issue?.message ?? 'invalid'})`,
  );
}

/** Parses a reply body as JSON; null when it is empty or not JSON (a proxy's HTML page: the status says enough). */
export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Downloads `path`, turning a 4xx/5xx into a CliError like `call`. */
export async function fetchBody(t: Transport, path: string): Promise<AsyncIterable<Uint8Array>> {
  const d = await t.download(path);
  if (!d.ok) throw new CliError(problemLine(d.reply));
  return d.body;
}

/** `?a=1&b=x` from the defined entries only. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Opens the transport on first use (so `--help` never touches a database) and reuses it. */
export type Api = () => Promise<Transport>;
