import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, NotFound, Unauthorized } from '../core/errors';
import { getMe, type Principal } from '../services/auth.service';
import type { Deps } from '../services/deps';
import { cardsAt, deleteCard } from '../services/sync/dav.service';
import { calendarObjects, putCalendarObject } from '../services/sync/dav-calendar.service';
import { DavPrecondition, PreconditionFailed } from '../services/sync/dav-errors';
import { putCard } from '../services/sync/dav-put';
import { davLogin, TooManyLogins } from './login';
import { errorXml, multistatus } from './multistatus';
import { DAV_ROOT, type DavTarget, parseDavPath } from './paths';
import { depthOf, propfind } from './propfind';
import { MAX_CARD_BYTES } from './props';
import { report } from './report';
import { BadXml, CALDAV, CARDDAV, DAV, MAX_XML_BYTES, parseXml } from './xml';

const BODY_METHODS = ['PROPFIND', 'PROPPATCH', 'REPORT', 'MKCOL'] as const;
const METHODS = ['OPTIONS', 'GET', 'HEAD', 'PUT', 'DELETE', ...BODY_METHODS] as const;
/** RFC 4918 §10.1 compliance classes, RFC 6352 §6.1 `addressbook`, RFC 4791 §5.1 `calendar-access`. */
const DAV_HEADER = '1, 3, addressbook, calendar-access';
const XML = 'application/xml; charset=utf-8';

const CONDITION_NS: Record<DavPrecondition['condition'], string> = {
  'valid-address-data': CARDDAV,
  'no-uid-conflict': CARDDAV,
  'supported-address-data': CARDDAV,
  'max-resource-size': CARDDAV,
  'valid-calendar-data': CALDAV,
  'valid-filter': CALDAV,
  'valid-sync-token': DAV,
  'propfind-finite-depth': DAV,
};

/** Errors as DAV clients expect them: a status, and for preconditions a DAV:error body. */
function davError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Unauthorized)
    return reply
      .code(401)
      .header('www-authenticate', 'Basic realm="Tend", charset="UTF-8"')
      .type('text/plain; charset=utf-8')
      .send(error.message);
  if (error instanceof TooManyLogins)
    return reply
      .code(429)
      .header('retry-after', String(error.retryAfterSeconds))
      .type('text/plain')
      .send(error.message);
  if (error instanceof DavPrecondition)
    return reply
      .code(error.status)
      .type(XML)
      .send(errorXml({ ns: CONDITION_NS[error.condition], name: error.condition }, error.message));
  if (error instanceof PreconditionFailed) return reply.code(412).type('text/plain').send(error.message);
  if (error instanceof Forbidden) return reply.code(403).type('text/plain').send(error.message);
  if (error instanceof NotFound) return reply.code(404).type('text/plain').send(error.message);
  if (error instanceof BadXml) return reply.code(400).type('text/plain; charset=utf-8').send(error.message);
  const code = 'code' in error ? error.code : undefined;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return reply
      .code(413)
      .type(XML)
      .send(errorXml({ ns: CARDDAV, name: 'max-resource-size' }, `the body is over ${MAX_CARD_BYTES} bytes`));
  const status = 'statusCode' in error ? error.statusCode : undefined;
  if (status && status >= 400 && status < 500)
    return reply.code(status).type('text/plain').send(error.message);
  request.log.error(error);
  return reply.code(500).type('text/plain').send('something went wrong on the server; nothing was changed');
}

const header = (request: FastifyRequest, name: string) => {
  const v = request.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/** The resource of the request if it belongs to the caller; another account's URL is 404, like an unknown one. */
function targetOf(request: FastifyRequest, who: Principal): DavTarget {
  const t = parseDavPath(request.url);
  if (!t || ('accountId' in t && t.accountId !== who.accountId)) throw new NotFound('no such DAV resource');
  return t;
}

/**
 * The CardDAV server (RFC 6352 over RFC 4918) under /dav, and the RFC 6764 well-known redirects.
 * Protocol only: every read and write goes through the DAV services.
 */
export function davPlugin(deps: Deps) {
  return async (app: FastifyInstance) => {
    for (const m of BODY_METHODS)
      if (!app.supportedMethods.includes(m)) app.addHttpMethod(m, { hasBody: true });
    // Every body arrives as text; XML and vCards are parsed by the handlers, with their own limits.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.setErrorHandler(davError);
    const login = davLogin(deps);

    for (const wellKnown of ['/.well-known/carddav', '/.well-known/caldav']) {
      app.route({
        method: ['GET', 'HEAD', 'OPTIONS'],
        url: wellKnown,
        config: { public: true },
        handler: (_request, reply) => reply.redirect(DAV_ROOT, 301),
      });
    }
    // Clients given only the server's address (iOS, vdirsyncer) PROPFIND it first.
    app.route({
      method: 'PROPFIND',
      url: '/',
      config: { public: true },
      handler: (_request, reply) => reply.redirect(DAV_ROOT, 301),
    });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      reply.header('dav', DAV_HEADER);
      if (request.method === 'OPTIONS') return reply.header('allow', METHODS.join(', ')).code(200).send();
      const principal = await login(request);
      const target = targetOf(request, principal);
      const body = typeof request.body === 'string' ? request.body : undefined;
      switch (request.method) {
        case 'PROPFIND': {
          const me = await getMe(deps, principal);
          const xml = await propfind(
            deps,
            { ...principal, name: me.name },
            target,
            depthOf(request.headers.depth),
            body,
          );
          if (xml === null) throw new NotFound('no such DAV resource');
          return reply.code(207).type(XML).send(xml);
        }
        case 'REPORT': {
          const xml = await report(deps, principal, target, body);
          if (xml === null)
            return reply
              .code(403)
              .type(XML)
              .send(errorXml({ ns: DAV, name: 'supported-report' }, 'this report is not supported here'));
          return reply.code(207).type(XML).send(xml);
        }
        case 'PROPPATCH': {
          // Collection names and colours are fixed: each property is refused (RFC 4918 §9.2).
          const root = body ? parseXml(body) : undefined;
          const names = (root?.children ?? []).flatMap((set) => set.children.flatMap((p) => p.children));
          return reply
            .code(207)
            .type(XML)
            .send(
              multistatus([{ href: request.url, forbidden: names.map((p) => ({ ns: p.ns, name: p.name })) }]),
            );
        }
        case 'GET':
        case 'HEAD': {
          if (target.kind === 'event') {
            const o = (await calendarObjects(deps, principal.accountId)).find((x) => x.name === target.name);
            if (!o) throw new NotFound('no event at this address');
            return reply.header('etag', o.etag).type('text/calendar; charset=utf-8').send(o.body);
          }
          if (target.kind !== 'card')
            return reply.code(200).type('text/plain').send('Tend CardDAV: use a CardDAV client.');
          const [card] = await cardsAt(deps, principal.accountId, [target.name]);
          if (!card) throw new NotFound('no card at this address');
          return reply.header('etag', card.etag).type('text/vcard; charset=utf-8').send(card.body);
        }
        case 'PUT': {
          if (target.kind === 'event') {
            const etag = await putCalendarObject(
              deps,
              principal.accountId,
              target.name,
              body ?? '',
              header(request, 'if-match'),
            );
            return reply.code(204).header('etag', etag).send();
          }
          if (target.kind !== 'card') return reply.code(405).send();
          const type = header(request, 'content-type') ?? 'text/vcard';
          if (!/^text\/(x-)?vcard|^text\/directory/i.test(type))
            throw new DavPrecondition(`a card must be text/vcard, not ${type}`, 'supported-address-data');
          const { etag, created } = await putCard(deps, principal.accountId, target.name, body ?? '', {
            ifMatch: header(request, 'if-match'),
            ifNoneMatch: header(request, 'if-none-match'),
          });
          return reply
            .code(created ? 201 : 204)
            .header('etag', etag)
            .send();
        }
        case 'DELETE': {
          if (target.kind !== 'card') return reply.code(403).send();
          await deleteCard(deps, principal.accountId, target.name, header(request, 'if-match'));
          return reply.code(204).send();
        }
        default:
          return reply.code(405).header('allow', METHODS.join(', ')).send();
      }
    };
    app.route({
      method: [...METHODS],
      url: '/dav',
      config: { public: true },
      bodyLimit: MAX_XML_BYTES,
      handler,
    });
    // RFC 6764 §5 redirects the well-known URLs, and GET does; a PROPFIND is answered in place
    // as the root, since python-caldav expects the href it asked for.
    for (const url of ['/.well-known/carddav', '/.well-known/caldav'])
      app.route({ method: 'PROPFIND', url, config: { public: true }, handler });
    // A card is at most 1 MB (max-resource-size); a REPORT may name every card of a large book
    // (vdirsyncer multigets 30,000 hrefs, ~3 MB, in one request).
    const others = METHODS.filter((m) => m !== 'PUT');
    app.route({ method: others, url: '/dav/*', config: { public: true }, bodyLimit: MAX_XML_BYTES, handler });
    app.route({ method: 'PUT', url: '/dav/*', config: { public: true }, bodyLimit: MAX_CARD_BYTES, handler });
  };
}
