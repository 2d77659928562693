import type { FastifyRequest } from 'fastify';
import { Invalid } from '../core/errors';

/**
 * The dotted path of the first string (or object key) holding a NUL byte, or null. PostgreSQL
 * refuses U+0000 in text ("invalid byte sequence"), so left alone it becomes a 500 on every route
 * that stores or compares the value; SQLite would store it and truncate it in C string APIs.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findNul(value: unknown): string | null {
  // Most bodies hold none: look first without building a path per value (a 300,000-row body).
  if (!holdsNul(value)) return null;
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !isStream(v)) {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return at.replaceAll('\u0000', '\\0');
        stack.push([child, at]);
      }
    }
  }
  return null;
}

function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      for (const child of v) stack.push(child);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !isStream(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

function isStream(v: object): boolean {
  return 'pipe' in v && typeof v.pipe === 'function';
}

/** preValidation: a NUL byte in a path parameter, the query or the body is a 400 naming the field. */
export async function refuseNulBytes(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const at = findNul(value);
    if (at !== null) throw new Invalid('must not contain NUL bytes (U+0000)', at || part);
  }
}
