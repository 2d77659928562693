/** How the CLI reaches the API: in-process (`app.inject`) or over HTTP; commands see only this. */
export interface Transport {
  request(method: Method, path: string, body?: unknown): Promise<Reply>;
  close(): Promise<void>;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Reply {
  status: number;
  /** The parsed body; null for 204 and for bodies that are not JSON. */
  json: unknown;
}

/** An expected failure: printed as one line on stderr, exit code 1, never a stack trace. */
export class CliError extends Error {}

/** One line for a problem+json answer; falls back to the status when the body is not a problem. */
export function problemLine(reply: Reply): string {
  const p = typeof reply.json === 'object' && reply.json !== null ? reply.json : {};
  if ('detail' in p && typeof p.detail === 'string' && p.detail) return p.detail;
  if ('title' in p && typeof p.title === 'string' && p.title) return p.title;
  return `the server answered ${reply.status}`;
}

/** Sends one request and returns its JSON, turning any 4xx/5xx into a CliError with the problem's detail. */
export async function call<T>(t: Transport, method: Method, path: string, body?: unknown): Promise<T> {
  const reply = await t.request(method, path, body);
  if (reply.status >= 400) throw new CliError(problemLine(reply));
  return reply.json as T;
}

/** `?a=1&b=x` from the defined entries only. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
