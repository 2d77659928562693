import {
  CliError,
  type Download,
  type Method,
  parseJson,
  type Reply,
  type Transport,
  type Upload,
} from './transport';

function reason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error)
    return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** A fetch body that pulls from `bytes` only as fast as the socket takes them. */
function webStream(bytes: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = bytes[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** Talks to a Tend server over HTTP with an API token. */
export function remoteTransport(server: string, token: string): Transport {
  const base = server.replace(/\/+$/, '');
  const send = async (path: string, init: RequestInit & { duplex?: 'half' }): Promise<Response> => {
    try {
      return await fetch(`${base}${path}`, init);
    } catch (error) {
      throw new CliError(`cannot reach ${base} (${reason(error)})`);
    }
  };
  const reply = async (res: Response): Promise<Reply> => ({
    status: res.status,
    json: parseJson(await res.text()),
  });
  const auth = { authorization: `Bearer ${token}` };
  return {
    async request(method: Method, path: string, body?: unknown): Promise<Reply> {
      const res = await send(path, {
        method,
        headers: {
          ...auth,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return reply(res);
    },
    async upload(path: string, body: Upload): Promise<Reply> {
      // A streamed request body needs duplex 'half' in Node's fetch; the file is read as it is sent.
      const res = await send(path, {
        method: 'POST',
        headers: {
          ...auth,
          accept: 'application/json',
          'content-type': body.contentType,
          ...(body.size !== undefined && { 'content-length': String(body.size) }),
        },
        body: webStream(body.bytes),
        duplex: 'half',
      });
      return reply(res);
    },
    async download(path: string): Promise<Download> {
      const res = await send(path, { headers: auth });
      if (!res.ok || !res.body) return { ok: false, reply: await reply(res) };
      return { ok: true, body: res.body };
    },
    close: async () => {},
  };
}
