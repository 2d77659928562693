import { existsSync, readFileSync } from 'node:fs';
import type { HTTPMethods } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { fixedClock } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

/** `| \`GET /api/v1/contacts\` | where … |` rows of docs/web-coverage.md. */
function documented(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync('docs/web-coverage.md', 'utf8').split('\n')) {
    const m = /^\| `([A-Z]+ \S+)` \| (.+) \|$/.exec(line);
    if (m?.[1] && m[2]) rows.set(m[1], m[2]);
  }
  return rows;
}

describe.each(dialects)('docs/web-coverage.md lists every route on %s', (dialect) => {
  it('has one row per registered route, none stale, each naming web files that exist or saying why not', async () => {
    const store = await freshStore(dialect);
    const routes = new Set<string>();
    const app = await buildApp(
      { store, clock: fixedClock(), newId: uuidv7 },
      {
        onRoute: (r) => {
          // HEAD is Fastify's automatic twin of every GET.
          for (const method of ([] as HTTPMethods[]).concat(r.method))
            if (method !== 'HEAD') routes.add(`${method} ${r.url}`);
        },
      },
    );
    await app.ready();
    await app.close();
    await store.close();
    const rows = documented();
    expect(routes.size).toBeGreaterThan(100);
    expect([...routes].filter((r) => !rows.has(r)).sort(), 'routes missing from the note').toEqual([]);
    expect([...rows.keys()].filter((r) => !routes.has(r)).sort(), 'rows for routes that are gone').toEqual(
      [],
    );
    for (const [route, where] of rows) {
      const files = [...where.matchAll(/`(web\/src\/[^`]+)`/g)].map((m) => m[1] ?? '');
      for (const f of files) expect(existsSync(f), `${route}: ${f}`).toBe(true);
      // Either a web file, or a reason: API-only, CLI, DAV, calendar apps, or a named gap.
      if (files.length === 0) expect(where, route).toMatch(/API-only|CLI|DAV|Calendar|\*\*gap\*\*/);
    }
  });
});
