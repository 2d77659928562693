import { Readable } from 'node:stream';
import { errorCodes, type FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import {
  IMPORT_BODY_LIMIT,
  IMPORT_CONTENT_TYPES,
  ImportCommit,
  ImportCommitBody,
  ImportMappingBody,
  ImportPreviewQuery,
  ImportRowPage,
  ImportRowsQuery,
  ImportRun,
} from '../../contract/imports';
import { Invalid, UnsupportedMediaType } from '../../core/errors';
import { isOneOf } from '../../core/one-of';
import type { Deps } from '../../services/deps';
import { commitImport } from '../../services/imports/import-commit';
import { remapImport } from '../../services/imports/import-remap';
import {
  discardImport,
  getImport,
  importErrorsCsv,
  listImportRowPage,
  previewImport,
} from '../../services/imports/imports.service';
import { principal } from '../auth-hook';

/**
 * The upload as a byte stream, refused past `limit`. Fastify enforces bodyLimit only for parsers that
 * buffer, and this route streams (a 60 MB file is never held as one string), so the count is kept here.
 */
async function* limitedBody(request: FastifyRequest, limit: number): AsyncGenerator<Uint8Array> {
  if (!(request.body instanceof Readable))
    throw new Invalid(`send the file itself as the body, as ${IMPORT_CONTENT_TYPES.join(', ')}`, 'body');
  const declared = Number(request.headers['content-length']);
  if (declared > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  let seen = 0;
  for await (const raw of request.body) {
    // A Readable without an encoding yields Buffers; a string chunk is counted as its UTF-8 bytes.
    const chunk: Uint8Array = typeof raw === 'string' ? Buffer.from(raw) : raw;
    seen += chunk.byteLength;
    if (seen > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    yield chunk;
  }
}

/** F22 import: upload → preview (new / duplicate / merge / error per row) → commit or discard. */
export function importsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['imports'];
    // In this plugin only: the file arrives as a stream, read while it is classified.
    // text/plain has a buffering default parser; this scope replaces it (the rest of the API keeps it).
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser([...IMPORT_CONTENT_TYPES], (_request, payload, done) => done(null, payload));

    app.post(
      '/imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        // Before the body is read: a JSON (or form) upload would otherwise be buffered and parsed whole
        // before being refused, up to 60 MB per request.
        onRequest: async (request) => {
          const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          if (!isOneOf(IMPORT_CONTENT_TYPES, type))
            throw new UnsupportedMediaType(
              `send the file as ${IMPORT_CONTENT_TYPES.join(', ')}${type ? `, not ${type}` : ''}`,
              'content-type',
            );
        },
        schema: {
          tags,
          summary: 'Upload a file and preview the import',
          description:
            'The raw file is the body (Content-Type text/csv, text/vcard, text/x-vcard, text/plain or ' +
            'application/octet-stream; at most 60 MB). The format (LinkedIn, Google or Outlook CSV, vCard ' +
            '2.1/3.0/4.0, or any other CSV with a header row, read through a column mapping) is read from the content. Nothing is imported until POST /imports/{id}/commit. ' +
            'An empty, binary or unrecognised file, or one with no readable row, is a 400 and stores nothing.',
          querystring: ImportPreviewQuery,
          response: { 201: ImportRun },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await previewImport(
              deps,
              principal(request).accountId,
              limitedBody(request, IMPORT_BODY_LIMIT),
              request.query,
            ),
          ),
    );
    app.get(
      '/imports/:id',
      {
        schema: {
          tags,
          summary: 'An import: counts, status and its first 50 rows',
          params: IdParams,
          response: { 200: ImportRun },
        },
      },
      async (request) => getImport(deps, principal(request).accountId, request.params.id),
    );
    app.get(
      '/imports/:id/rows',
      {
        schema: {
          tags,
          summary: 'Previewed rows in file order, with the changes each merge would make',
          params: IdParams,
          querystring: ImportRowsQuery,
          response: { 200: ImportRowPage },
        },
      },
      async (request) =>
        listImportRowPage(deps, principal(request).accountId, request.params.id, request.query),
    );
    app.get(
      '/imports/:id/errors.csv',
      { schema: { tags, summary: 'The rows that could not be read: Line, Error, Name', params: IdParams } },
      async (request, reply) => {
        const lines = await importErrorsCsv(deps, principal(request).accountId, request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="import-errors.csv"')
          .send(Readable.from(lines));
      },
    );
    app.put(
      '/imports/:id/mapping',
      {
        schema: {
          tags,
          summary: "Change a generic CSV preview's column mapping: the file is read again",
          description:
            'One field per column, in header order. Every row is read and classified again ' +
            '(new / duplicate / merge / conflict / error) in one transaction, and the mapping is ' +
            'remembered for the same header set. No column mapped to a name or e-mail is a 400.',
          params: IdParams,
          body: ImportMappingBody,
          response: { 200: ImportRun },
        },
      },
      async (request) => remapImport(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.post(
      '/imports/:id/commit',
      {
        schema: {
          tags,
          summary: 'Import the previewed rows, in one transaction',
          description:
            'New rows are created; matches follow `defaults` unless `rows` says otherwise for a line. ' +
            'A second commit is a 409; a failure imports nothing.',
          params: IdParams,
          body: ImportCommitBody,
          response: { 200: ImportRun },
        },
      },
      async (request) =>
        commitImport(
          deps,
          principal(request).accountId,
          request.params.id,
          request.body ?? ImportCommit.parse({}),
        ),
    );
    app.delete(
      '/imports/:id',
      { schema: { tags, summary: 'Discard a preview', params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await discardImport(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
