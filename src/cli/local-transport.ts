import type { Method, Reply, Transport } from './transport';

/**
 * Opens the local database exactly as the server does and sends requests through the same app in-process,
 * acting as the owner; imported lazily so remote calls do not load the server.
 */
export async function localTransport(): Promise<Transport> {
  const [{ loadConfig }, { openStore }, { buildApp }, { localOwner }, { v7: uuidv7 }] = await Promise.all([
    import('../config'),
    import('../store/open-store'),
    import('../server/app'),
    import('../services/auth.service'),
    import('uuid'),
  ]);
  const store = await openStore(loadConfig());
  try {
    const deps = { store, clock: () => new Date(), newId: uuidv7 };
    const app = await buildApp(deps, { localPrincipal: await localOwner(deps) });
    return {
      async request(method: Method, path: string, body?: unknown): Promise<Reply> {
        const res = await app.inject({
          method,
          url: path,
          headers: { accept: 'application/json' },
          ...(body !== undefined && { payload: body as object }),
        });
        let json: unknown = null;
        try {
          json = res.body ? JSON.parse(res.body) : null;
        } catch {
          // Not JSON (cannot happen for /api/v1, but the status still says enough).
        }
        return { status: res.statusCode, json };
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
