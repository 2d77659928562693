/** One fetch wrapper for the whole app: same-origin cookie, the CSRF header, problem+json → ApiError. */

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem from the server (or a network failure dressed as one). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.errors = errors;
  }

  /** The first message for a field (`emails.0.value`, `firstName`…), if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined | null>;

/** `?a=1&b=x` from the defined, non-empty values only. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads a failed response into an ApiError, whatever its body turned out to be. */
export async function toApiError(res: Response): Promise<ApiError> {
  const fallback = `${res.status} ${res.statusText || 'request failed'}`;
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object') {
      const detail = 'detail' in body ? body.detail : undefined;
      const title = 'title' in body ? body.title : undefined;
      const errors = 'errors' in body ? body.errors : undefined;
      const list = Array.isArray(errors)
        ? errors.filter(
            (e): e is FieldError =>
              !!e && typeof e === 'object' && typeof e.field === 'string' && typeof e.message === 'string',
          )
        : [];
      const text = typeof detail === 'string' ? detail : typeof title === 'string' ? title : fallback;
      return new ApiError(res.status, text, list);
    }
  } catch {
    // not JSON (a proxy error page, an empty body): keep the status line
  }
  return new ApiError(res.status, fallback);
}

/** Calls `/api/v1{path}` with the CSRF header; a failed answer, or none, throws an ApiError. */
async function request(
  method: Method,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit },
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: { 'x-tend-csrf': '1', accept: 'application/json', ...init.headers },
      ...(init.body !== undefined && { body: init.body }),
    });
  } catch {
    throw new ApiError(0, 'cannot reach the server; check your connection');
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/**
 * The JSON of a successful answer, typed as the contract type the caller names. This is the one
 * place the app takes the server's word for a shape: the server validates every answer against the
 * same zod schema before it leaves (Fastify's response schemas), so the page does not parse it
 * again. A body that is not JSON (a proxy's page sent with a 2xx) throws an ApiError.
 */
export function parseAnswer<T>(status: number, text: string): T {
  try {
    const body: T = JSON.parse(text);
    return body;
  } catch {
    throw new ApiError(status, 'the server sent an answer that is not JSON');
  }
}

function jsonInit(body: unknown) {
  return body === undefined
    ? {}
    : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Calls `/api/v1{path}` and resolves to the parsed JSON body. */
export async function api<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const res = await request(method, `${path}${queryString(query)}`, jsonInit(body));
  return parseAnswer<T>(res.status, await res.text());
}

/** Calls a route that answers 204 No Content. */
async function noContent(method: Method, path: string, body?: unknown): Promise<void> {
  await request(method, path, jsonInit(body));
}

/** Sends a file as the raw request body (never read into memory by the page); resolves to the JSON answer. */
export async function sendFile<T>(
  method: 'POST' | 'PUT',
  path: string,
  file: Blob,
  contentType: string,
  query?: Query,
): Promise<T> {
  const res = await request(method, `${path}${queryString(query)}`, {
    headers: { 'content-type': contentType },
    body: file,
  });
  return parseAnswer<T>(res.status, await res.text());
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = (path: string) => noContent('DELETE', path);
/** A POST whose answer is 204 No Content (sign-out, dismissals, resolutions). */
export const postNoContent = (path: string, body?: unknown) => noContent('POST', path, body ?? {});
