import { CliError, type Method, type Reply, type Transport } from './transport';

function reason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error)
    return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Talks to a Tend server over HTTP with an API token. */
export function remoteTransport(server: string, token: string): Transport {
  const base = server.replace(/\/+$/, '');
  return {
    async request(method: Method, path: string, body?: unknown): Promise<Reply> {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
      } catch (error) {
        throw new CliError(`cannot reach ${base} (${reason(error)})`);
      }
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // A proxy's HTML error page: the status alone says what happened.
      }
      return { status: res.status, json };
    },
    close: async () => {},
  };
}
