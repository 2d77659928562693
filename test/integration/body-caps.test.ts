import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import type { JsonSchema } from '../fuzz/schema-arbitrary';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { freshStore } from '../helpers/stores';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};

/** Every string and array a request can carry, with the dotted path where it sits, lacking a cap. */
function uncapped(s: JsonSchema | undefined, at: string, out: string[]): void {
  if (!s) return;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) uncapped(alt, at, out);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const bounded =
    s.enum !== undefined || s.const !== undefined || (s as { pattern?: string }).pattern !== undefined;
  if (types.includes('string') && s.maxLength === undefined && !bounded) out.push(at);
  if (types.includes('array')) {
    if (s.maxItems === undefined) out.push(`${at}[]`);
    uncapped(s.items, `${at}.*`, out);
  }
  for (const [k, v] of Object.entries(s.properties ?? {})) uncapped(v, `${at}.${k}`, out);
  const extra = (s as { additionalProperties?: JsonSchema | boolean }).additionalProperties;
  if (typeof extra === 'object') {
    // Keys drawn from a finite enum (a partial record over known names) bound the count themselves.
    const keys = (s as { propertyNames?: JsonSchema }).propertyNames;
    if ((s as { maxProperties?: number }).maxProperties === undefined && keys?.enum === undefined)
      out.push(`${at}{}`);
    uncapped(extra, `${at}.*`, out);
  }
}

/** The biggest value a schema admits (strings at their cap, arrays full); patterns are not honoured. */
function largest(s: JsonSchema | undefined): unknown {
  if (!s) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return [...s.enum].sort((a, b) => String(b).length - String(a).length)[0];
  const alternatives = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  if (alternatives.length) {
    return alternatives.map(largest).sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date-time') return '2026-03-10T09:00:00.000Z';
      if (s.format === 'date') return '2026-03-10';
      if (s.format === 'email')
        return `${'a'.repeat(Math.max(1, Math.min((s.maxLength ?? 64) - 12, 64)))}@example.com`;
      if (s.format === 'uri')
        return `https://example.com/${'a'.repeat(Math.max(0, (s.maxLength ?? 100) - 20))}`;
      return 'é'.repeat(s.maxLength ?? 1);
    case 'integer':
    case 'number':
      return s.maximum ?? 1e9;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.maxItems ?? 1 }, () => largest(s.items));
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, largest(v)]));
    default:
      return null;
  }
}

const MB = 1024 * 1024;
/** The stated bound: no single request's largest legal body grows the heap by more than this. */
const HEAP_BOUND = 16 * MB;

describe('request bodies bounded by their schemas', () => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let doc: Doc;

  beforeAll(async () => {
    store = await freshStore('sqlite');
    t = await testApp(store);
    ada = await signUp(t.app);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
  });

  it('caps every string and array of every operation', () => {
    const out: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        // Path parameters are bounded by the router (maxParamLength) and the HTTP parser's URL limit.
        for (const p of op.parameters ?? [])
          if (p.in !== 'path') uncapped(p.schema, `${where} ${p.in}.${p.name}`, out);
        uncapped(op.requestBody?.content['application/json']?.schema, `${where} body`, out);
      }
    }
    expect(out).toEqual([]);
  });

  it(`keeps the largest body of every operation under ${HEAP_BOUND / MB} MB of heap`, {
    timeout: 600_000,
  }, async () => {
    const contact = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Grace' })).json<{
      id: string;
    }>();
    const worst: { op: string; growth: number; bytes: number; status: number }[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema || path.includes('backup')) continue;
        const payload = JSON.stringify(largest(schema));
        const url = path.replace(/\{\w+\}/g, contact.id);
        const before = process.memoryUsage().heapUsed;
        const res = await t.app.inject({
          method: method.toUpperCase() as 'POST',
          url,
          headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
          payload,
        });
        const growth = process.memoryUsage().heapUsed - before;
        worst.push({
          op: `${method.toUpperCase()} ${path}`,
          growth,
          bytes: payload.length,
          status: res.statusCode,
        });
      }
    }
    worst.sort((a, b) => b.growth - a.growth);
    console.log(
      worst
        .slice(0, 5)
        .map((w) => `${w.op}: ${w.bytes} B body, heap +${(w.growth / MB).toFixed(1)} MB, ${w.status}`)
        .join('\n'),
    );
    expect(worst.length).toBeGreaterThan(30);
    // 502 is the server saying a remote it was asked to reach (an address book at example.com) did
    // not answer: the remote's failure, reported in words, not ours.
    expect(worst.filter((w) => w.status >= 500 && w.status !== 502)).toEqual([]);
    expect(worst[0]!.growth).toBeLessThan(HEAP_BOUND);
  });
});
