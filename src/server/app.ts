import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { TrustProxy } from '../config';
import { davPlugin } from '../dav/dav-plugin';
import type { Principal } from '../services/auth.service';
import type { Deps } from '../services/deps';
import { registerAuth } from './auth-hook';
import { errorHandler } from './error-handler';
import { clientErrorHandler, frameworkErrors } from './framework-errors';
import { logOptions } from './log-options';
import { refuseNulBytes } from './nul-bytes';
import { adminRoutes } from './routes/admin.routes';
import { authRoutes } from './routes/auth.routes';
import { backupRoutes } from './routes/backup.routes';
import { briefRoutes } from './routes/brief.routes';
import { capacityRoutes } from './routes/capacity.routes';
import { captureRoutes } from './routes/capture.routes';
import { carddavRoutes } from './routes/carddav.routes';
import { catchUpsRoutes } from './routes/catch-ups.routes';
import { circlesRoutes } from './routes/circles.routes';
import { contactPhotosRoutes } from './routes/contact-photos.routes';
import { contactsRoutes } from './routes/contacts.routes';
import { contactsBulkRoutes } from './routes/contacts-bulk.routes';
import { dashboardRoutes } from './routes/dashboard.routes';
import { davRoutes } from './routes/dav.routes';
import { demoRoutes } from './routes/demo.routes';
import { digestRoutes } from './routes/digest.routes';
import { draftsRoutes } from './routes/drafts.routes';
import { exportRoutes } from './routes/export.routes';
import { factsRoutes } from './routes/facts.routes';
import { feedPublicRoutes, feedRoutes } from './routes/feed.routes';
import { healthRoutes } from './routes/health.routes';
import { holidaysRoutes } from './routes/holidays.routes';
import { importantDatesRoutes } from './routes/important-dates.routes';
import { importsRoutes } from './routes/imports.routes';
import { interactionsRoutes } from './routes/interactions.routes';
import { introductionsRoutes } from './routes/introductions.routes';
import { ledgerRoutes } from './routes/ledger.routes';
import { lifeEventsRoutes } from './routes/life-events.routes';
import { notesRoutes } from './routes/notes.routes';
import { outboxRoutes } from './routes/outbox.routes';
import { type Lifecycle, probesRoutes } from './routes/probes.routes';
import { publicPostsRoutes } from './routes/public-posts.routes';
import { relationshipsRoutes } from './routes/relationships.routes';
import { resourcesRoutes } from './routes/resources.routes';
import { segmentsRoutes } from './routes/segments.routes';
import { sessionsRoutes } from './routes/sessions.routes';
import { tagsRoutes } from './routes/tags.routes';
import { tasksRoutes } from './routes/tasks.routes';
import { timelineRoutes } from './routes/timeline.routes';
import { todayRoutes } from './routes/today.routes';
import { tokensRoutes } from './routes/tokens.routes';
import { tripsRoutes } from './routes/trips.routes';
import { updatesRoutes } from './routes/updates.routes';

export interface AppOptions {
  /** Anyone may sign up (otherwise only the first user of the server). */
  signupOpen?: boolean;
  /** Directory of the built web app; served with an SPA fallback when present. */
  webDir?: string;
  /**
   * The session cookie is always Secure: set when TEND_PUBLIC_URL is https, since a TLS proxy in front
   * speaks plain http to us and 'auto' would then leave the flag off.
   */
  secureCookies?: boolean;
  /** Behind a reverse proxy (hops or proxy IPs/CIDRs, src/config.ts): rate limits key on the real client. */
  trustProxy?: TrustProxy;
  /** The local CLI acts as this principal without a token or cookie. */
  localPrincipal?: Principal;
  logger?: boolean;
  /** Where the request log goes when `logger` is on (stdout by default; tests read it). */
  logStream?: NodeJS.WritableStream;
  /** main.ts flips `draining` on a stop signal: /readyz then answers 503 while requests finish. */
  lifecycle?: Lifecycle;
  /** Sees every route as it is added (the isolation test walks them all). */
  onRoute?: (route: RouteOptions) => void;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets inline style attributes and <style> tags at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP with frame-ancestors 'none' (added to a CSP a route set itself) and X-Frame-Options for old browsers. */
function framingHeaders(reply: FastifyReply): void {
  const existing = reply.getHeader('content-security-policy');
  if (existing === undefined) reply.header('content-security-policy', CSP);
  else if (!String(existing).includes('frame-ancestors'))
    reply.header('content-security-policy', `${String(existing)}; frame-ancestors 'none'`);
  reply.header('x-frame-options', 'DENY');
}

/**
 * Vite names what it builds under assets/ by content hash, so a changed file gets a new name and
 * the old one may be kept for a year; anything else (favicon, robots) may change under its name.
 */
function assetCacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Fastify's types take no hop count; proxy-addr's meaning of one is "trust the nearest n hops". */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** The whole HTTP surface, without listening: tests use app.inject, main.ts calls listen. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? { ...logOptions, ...(options.logStream && { stream: options.logStream }) }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', refuseNulBytes);
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));

  // Brotli or gzip for every response worth it (the JS bundle is 3× smaller gzipped). Quality 5:
  // 11, zlib's default, took ~1 s for the 900 KB bundle on each request; 5 costs milliseconds.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tend API',
        version: '1.0.0',
        description: 'Personal relationship manager. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token from POST /api/v1/tokens or `tend token create`',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'tend_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  const lifecycle = options.lifecycle ?? { draining: false };
  await app.register(probesRoutes(deps, lifecycle));

  registerAuth(app, deps, options.localPrincipal);
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps, options.signupOpen ?? false, options.secureCookies ?? false));
      await api.register(tokensRoutes(deps));
      await api.register(sessionsRoutes(deps));
      // Only in the local CLI's in-process app (the operator holds the database): never listening.
      if (options.localPrincipal) await api.register(adminRoutes(deps));
      await api.register(contactsRoutes(deps));
      await api.register(contactPhotosRoutes(deps));
      await api.register(contactsBulkRoutes(deps));
      await api.register(capacityRoutes(deps));
      await api.register(interactionsRoutes(deps));
      await api.register(todayRoutes(deps));
      await api.register(healthRoutes(deps));
      await api.register(briefRoutes(deps));
      await api.register(circlesRoutes(deps));
      await api.register(tagsRoutes(deps));
      await api.register(segmentsRoutes(deps));
      await api.register(notesRoutes(deps));
      await api.register(factsRoutes(deps));
      await api.register(importantDatesRoutes(deps));
      await api.register(lifeEventsRoutes(deps));
      await api.register(relationshipsRoutes(deps));
      await api.register(tasksRoutes(deps));
      await api.register(timelineRoutes(deps));
      await api.register(ledgerRoutes(deps));
      await api.register(introductionsRoutes(deps));
      await api.register(resourcesRoutes(deps));
      await api.register(draftsRoutes(deps));
      await api.register(demoRoutes(deps));
      await api.register(feedRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(backupRoutes(deps));
      await api.register(captureRoutes(deps));
      await api.register(carddavRoutes(deps));
      await api.register(importsRoutes(deps));
      await api.register(updatesRoutes(deps));
      await api.register(digestRoutes(deps));
      await api.register(outboxRoutes(deps));
      await api.register(catchUpsRoutes(deps));
      await api.register(tripsRoutes(deps));
      await api.register(holidaysRoutes(deps));
      await api.register(publicPostsRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(davRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await app.register(feedPublicRoutes(deps));
  // CardDAV/CalDAV for phones and desktop clients (F31), with its own auth, parsers and errors.
  await app.register(davPlugin(deps));

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      index: false,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('cache-control', assetCacheControl(path)),
    });
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_request, reply) =>
      reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').sendFile('index.html'),
    );
    // The app's own routes (/today, /contacts/…) get index.html from a route rather than from the
    // not-found handler, because only routes pass through the compress plugin. Files and API
    // routes are matched first, being more specific than the wildcard.
    app.get('/*', { schema: { hide: true }, config: { public: true } }, (request, reply) => {
      if (request.url.startsWith('/api/') || !request.headers.accept?.includes('text/html')) {
        return reply.callNotFound();
      }
      return reply
        .header('content-security-policy', CSP)
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const page =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html');
    if (hasWeb && page) {
      return reply
        .header('content-security-policy', CSP)
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: `no route ${request.method} ${request.url.split('?')[0]}`,
      });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Stopping: the answer in flight still goes out, and its keep-alive socket closes after it, so
    // close() does not wait for an idle client's keep-alive timeout.
    if (lifecycle.draining) reply.header('connection', 'close');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // API answers are one person's data (the backup export is all of it): no cache may keep them.
    const path = request.routeOptions.url ?? request.url;
    if (path.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    // Every HTML answer, however its path was spelled (/index.html, /./index.html, /%69ndex.html, the
    // SPA fallback, the API docs): never inside another site's frame, so no click can be hijacked.
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) framingHeaders(reply);
    return payload;
  });
  return app;
}
