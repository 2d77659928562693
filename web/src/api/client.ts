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
      const { detail, title, errors } = body as { detail?: unknown; title?: unknown; errors?: unknown };
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

/** Calls `/api/v1{path}`; resolves to the parsed JSON body, or undefined for 204. */
export async function api<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { 'x-tend-csrf': '1', accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${queryString(query)}`, {
      method,
      credentials: 'same-origin',
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'cannot reach the server; check your connection');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = (path: string) => api<void>('DELETE', path);
