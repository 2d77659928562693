import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CliError, call, problemLine, query, type Transport } from './transport';

describe('transport helpers', () => {
  it('turns a problem+json answer into its detail, else its title, else the status', () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      detail: 'emails.0.value: bad',
    };
    expect(problemLine({ status: 400, json: problem })).toBe('emails.0.value: bad');
    expect(problemLine({ status: 404, json: { title: 'Not found' } })).toBe('Not found');
    expect(problemLine({ status: 502, json: null })).toBe('the server answered 502');
  });

  it('builds a query string from the given values only', () => {
    expect(query({ q: 'grace hopper', tag: undefined, city: '', limit: 5 })).toBe('?q=grace+hopper&limit=5');
    expect(query({ q: undefined })).toBe('');
  });

  it('raises a CliError for 4xx and 5xx and returns the JSON otherwise', async () => {
    const replies = [
      { status: 200, json: { ok: 1 } },
      { status: 409, json: { detail: 'has contacts' } },
      { status: 200, json: { ok: 'yes' } },
    ];
    const t: Transport = {
      request: async () => replies.shift()!,
      upload: async () => replies.shift()!,
      download: async () => ({ ok: false, reply: replies.shift()! }),
      close: async () => {},
    };
    const Ok = z.object({ ok: z.number() });
    await expect(call(t, 'GET', '/x', Ok)).resolves.toEqual({ ok: 1 });
    await expect(call(t, 'POST', '/x', Ok)).rejects.toEqual(new CliError('has contacts'));
    // A reply of another shape (another server version) is an error naming the field.
    await expect(call(t, 'GET', '/x', Ok)).rejects.toThrow(
      "the server's answer to GET /x does not fit this CLI (ok:",
    );
  });
});
