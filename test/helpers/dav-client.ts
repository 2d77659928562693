import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface DavCaller {
  book: string;
  auth: string;
  req(
    method: string,
    url: string,
    body?: string,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /**
   * sync-collection from `token` ('' = initial): the hrefs with their status, and the new token;
   * with `limit`, at most that many, and `truncated` when the server says more remain (507).
   */
  sync(
    token: string,
    limit?: number,
  ): Promise<{ token: string; changed: string[]; deleted: string[]; truncated: boolean; body: string }>;
  put(name: string, card: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Speaks DAV to the app in-process with HTTP Basic (e-mail + API token). */
export function davCaller(app: FastifyInstance, email: string, token: string, accountId: string): DavCaller {
  const auth = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
  const book = `/dav/addressbooks/${accountId}/contacts/`;
  const req: DavCaller['req'] = (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: auth, 'content-type': 'application/xml; charset=utf-8', ...headers },
      ...(body !== undefined && { payload: body }),
    });
  return {
    book,
    auth,
    req,
    put: (name, card, headers = {}) =>
      req('PUT', `${book}${encodeURIComponent(name)}`, card, { 'content-type': 'text/vcard', ...headers }),
    async sync(token, limit) {
      const cap = limit === undefined ? '' : `<d:limit><d:nresults>${limit}</d:nresults></d:limit>`;
      const res = await req(
        'REPORT',
        book,
        `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level>${cap}<d:prop><d:getetag/></d:prop></d:sync-collection>`,
      );
      if (res.statusCode !== 207) throw new Error(`sync-collection: ${res.statusCode} ${res.body}`);
      const changed: string[] = [];
      const deleted: string[] = [];
      let truncated = false;
      for (const m of res.body.matchAll(
        /<d:response><d:href>([^<]*)<\/d:href>(?:<d:status>[^<]*(404|507))?/g,
      )) {
        if (m[2] === '507') truncated = true;
        else (m[2] ? deleted : changed).push(decodeURIComponent(m[1]!.slice(book.length)));
      }
      const next = /<d:sync-token>([^<]*)<\/d:sync-token>\s*<\/d:multistatus>/.exec(res.body)?.[1] ?? '';
      return { token: next, changed, deleted, truncated, body: res.body };
    },
  };
}

/** An app password: a token with the `dav` scope, minted by the caller's admin token. */
export async function davToken(app: FastifyInstance, adminToken: string, scopes = ['dav']): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: { authorization: `Bearer ${adminToken}` },
    payload: { name: 'phone', scopes },
  });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

export const card = (uid: string, lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, ...lines, 'END:VCARD', ''].join('\r\n');
