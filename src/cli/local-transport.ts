import { Readable } from 'node:stream';
import type { Store } from '../store/store';
import { type Download, type Method, parseJson, type Reply, type Transport, type Upload } from './transport';

/** The local store and app, for the few commands that need the database itself (`tend backup`). */
export interface LocalTransport extends Transport {
  store: Store;
}

/**
 * Opens the local database exactly as the server does and sends requests through the same app in-process,
 * acting as the owner; imported lazily so remote calls do not load the server.
 */
export async function localTransport(): Promise<LocalTransport> {
  const [{ loadConfig }, { openStore }, { buildApp }, { localOwner }, { newId }, { loadSecretKey }] =
    await Promise.all([
      import('../config'),
      import('../store/open-store'),
      import('../server/app'),
      import('../services/auth.service'),
      import('../ids'),
      import('../secret-key'),
    ]);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const deps = {
      store,
      clock: () => new Date(),
      newId,
      secretKey: loadSecretKey(config),
      outbound: { privateNetworks: config.privateFetch },
    };
    const app = await buildApp(deps, { localPrincipal: await localOwner(deps) });
    const reply = (res: { statusCode: number; body: string }): Reply => ({
      status: res.statusCode,
      json: parseJson(res.body),
    });
    return {
      store,
      async request(method: Method, path: string, body?: unknown): Promise<Reply> {
        const res = await app.inject({
          method,
          url: path,
          headers: { accept: 'application/json' },
          // inject serialises an object as JSON and sends a string as it is; other values as JSON text.
          ...(body !== undefined && {
            payload:
              typeof body === 'string' || (typeof body === 'object' && body !== null)
                ? body
                : JSON.stringify(body),
          }),
        });
        return reply(res);
      },
      async upload(path: string, body: Upload): Promise<Reply> {
        // The route reads the request as a stream, so a large file goes through without being buffered.
        const res = await app.inject({
          method: 'POST',
          url: path,
          headers: {
            accept: 'application/json',
            'content-type': body.contentType,
            ...(body.size !== undefined && { 'content-length': String(body.size) }),
          },
          payload: Readable.from(body.bytes),
        });
        return reply(res);
      },
      async download(path: string): Promise<Download> {
        const res = await app.inject({ method: 'GET', url: path, payloadAsStream: true });
        const stream = res.stream();
        if (res.statusCode < 400) return { ok: true, body: stream };
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(Buffer.from(chunk));
        return {
          ok: false,
          reply: reply({ statusCode: res.statusCode, body: Buffer.concat(chunks).toString() }),
        };
      },
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
