import type { FastifyRequest } from 'fastify';

/** Query parameters whose values are secrets wherever they appear. */
const SECRET_PARAMS = /^(token|key|secret|password|code|sig|signature|access_token)$/i;

/**
 * A URL as the request log may keep it: the calendar feed's token (its path is the credential) and
 * secret query values become `[redacted]`. Everything else stays, so a log still says what was asked.
 */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safePath = path.replace(/^(\/feed\/)[^/]+?(\.ics)?$/i, '$1[redacted]$2');
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {}
      return SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/**
 * The server's pino options. Pino's default request serializer logs no headers (so no cookie or
 * Authorization); this one also keeps secrets out of the logged URL.
 */
export const logOptions = {
  serializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: redactUrl(request.url),
      remoteAddress: request.ip,
    }),
  },
};
