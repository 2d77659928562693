import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  AppError,
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  TooManyRequests,
  Unauthorized,
  Unavailable,
  UnsupportedMediaType,
  Upstream,
} from '../core/errors';

interface FieldError {
  field: string;
  message: string;
}

const STATUS: [new (...a: never[]) => AppError, number, string][] = [
  [NotFound, 404, 'Not found'],
  [Invalid, 400, 'Invalid request'],
  [Conflict, 409, 'Conflict'],
  [Unauthorized, 401, 'Unauthorized'],
  [Forbidden, 403, 'Forbidden'],
  [UnsupportedMediaType, 415, 'Unsupported media type'],
  [Upstream, 502, 'Bad gateway'],
  [Unavailable, 503, 'Service unavailable'],
];

function problem(reply: FastifyReply, status: number, title: string, detail: string, errors?: FieldError[]) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title, status, detail, ...(errors && { errors }) });
}

/** The one place errors become HTTP: RFC 9457 problem+json that names the field at fault. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => {
      const path = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
      return { field: path || where, message: v.message ?? 'is invalid' };
    });
    return problem(
      reply,
      400,
      'Invalid request',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
  const app: unknown = error;
  if (app instanceof TooManyRequests) {
    reply.header('retry-after', String(app.retryAfterSeconds));
    return problem(reply, 429, 'Too many requests', app.message);
  }
  if (app instanceof AppError) {
    const [, status, title] = STATUS.find(([type]) => app instanceof type) ?? [AppError, 400, 'Bad request'];
    const errors = app.field ? [{ field: app.field, message: app.message }] : undefined;
    return problem(reply, status, title, app.field ? `${app.field}: ${app.message}` : app.message, errors);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem(reply, 413, 'Payload too large', 'the request body is over the limit for this route');
  }
  if (error.statusCode === 429)
    return problem(reply, 429, 'Too many requests', 'slow down and try again in a minute');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(reply, error.statusCode, 'Bad request', error.message);
  }
  request.log.error(error);
  return problem(reply, 500, 'Internal error', 'something went wrong on the server; nothing was changed');
}
