import { Readable } from 'node:stream';
import { errorCodes, type FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddressParams,
  CaptureRun,
  ICS_CONTENT_TYPES,
  MBOX_BODY_LIMIT,
  MBOX_CONTENT_TYPES,
  Source,
  SourceCreate,
  SourceList,
  SourceRemoveQuery,
  SuggestionList,
} from '../../contract/capture';
import { SourcePatch, UploadQuery } from '../../contract/capture-messages';
import { IdParams } from '../../contract/common';
import { Contact } from '../../contract/contacts';
import { Invalid } from '../../core/errors';
import {
  acceptSuggestion,
  createSource,
  dismiss,
  getSource,
  removeSource,
  sources,
  suggestions,
} from '../../services/capture/capture.service';
import { syncCalendarSource } from '../../services/capture/capture-calendar';
import { syncImapSource } from '../../services/capture/capture-imap';
import { patchSource } from '../../services/capture/capture-message-settings';
import { uploadToSource } from '../../services/capture/capture-upload';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

/** The upload as a byte stream (an mbox is never held whole), refused past the limit. */
async function* streamedBody(request: FastifyRequest): AsyncGenerator<Uint8Array> {
  if (!(request.body instanceof Readable))
    throw new Invalid(`send the file itself as the body, as ${MBOX_CONTENT_TYPES.join(', ')}`, 'body');
  let seen = 0;
  for await (const raw of request.body) {
    // A Readable without an encoding yields Buffers; a string chunk is counted as its UTF-8 bytes.
    const chunk: Uint8Array = typeof raw === 'string' ? Buffer.from(raw) : raw;
    seen += chunk.byteLength;
    if (seen > MBOX_BODY_LIMIT) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    yield chunk;
  }
}

/** F30 capture: sources (mailboxes, files), their syncs, and the people worth adding. */
export function captureRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['capture'];
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser([...MBOX_CONTENT_TYPES, ...ICS_CONTENT_TYPES], (_request, payload, done) =>
      done(null, payload),
    );

    app.get('/sources', { schema: { tags, response: { 200: SourceList } } }, async (request) => ({
      items: await sources(deps, principal(request).accountId),
    }));
    app.post(
      '/sources',
      {
        // A source holds a mailbox password and reads the user's mail: account management, like tokens.
        config: { scope: 'admin' },
        schema: {
          tags,
          summary: 'Add a source (an IMAP mailbox, an mbox file, a calendar file or address)',
          description:
            'The IMAP password, a calendar address and its password are sealed with AES-256-GCM and never returned.',
          body: SourceCreate,
          response: { 201: Source },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSource(deps, principal(request).accountId, request.body)),
    );
    app.get(
      '/sources/:id',
      { schema: { tags, params: IdParams, response: { 200: Source } } },
      async (request) => getSource(deps, principal(request).accountId, request.params.id),
    );
    app.post(
      '/sources/:id/upload',
      {
        bodyLimit: MBOX_BODY_LIMIT,
        schema: {
          tags,
          summary:
            "Read a file into a file source: an mbox, LinkedIn's messages.csv, a WhatsApp chat or an .ics calendar",
          description:
            'The raw file is the body: an mbox (Google Takeout, Thunderbird; headers only), a LinkedIn ' +
            'messages.csv, a WhatsApp chat export (.txt, or the phone’s .zip with the chat inside) for a whatsapp source, or an .ics file for a calendar source. Importing the same file ' +
            'again adds nothing. Unreadable messages or lines are counted and named, never fatal; a file ' +
            'that cannot be read at all (400, naming what to give, e.g. dateOrder) leaves nothing behind.',
          params: IdParams,
          querystring: UploadQuery,
          response: { 200: CaptureRun },
        },
      },
      async (request) =>
        uploadToSource(
          deps,
          principal(request).accountId,
          request.params.id,
          streamedBody(request),
          request.query,
        ),
    );
    app.patch(
      '/sources/:id',
      {
        config: { scope: 'admin' },
        schema: {
          tags,
          summary: 'Rename a source, or turn keeping message texts (LinkedIn, WhatsApp) on or off',
          params: IdParams,
          body: SourcePatch,
          response: { 200: Source },
        },
      },
      async (request) => {
        const { accountId } = principal(request);
        await patchSource(deps, accountId, request.params.id, request.body);
        return getSource(deps, accountId, request.params.id);
      },
    );
    app.post(
      '/sources/:id/sync',
      {
        schema: {
          tags,
          summary: 'Sync a mailbox or a subscribed calendar now',
          description:
            'Reads new headers (the first time: the backfill window). 409 while another sync of it runs; ' +
            "502 when the mail server fails, with its reason in words (also kept as the source's lastError).",
          params: IdParams,
          response: { 200: CaptureRun },
        },
      },
      async (request) => {
        const { accountId } = principal(request);
        const { id } = request.params;
        const { kind } = await getSource(deps, accountId, id);
        return kind === 'ics' ? syncCalendarSource(deps, accountId, id) : syncImapSource(deps, accountId, id);
      },
    );
    app.delete(
      '/sources/:id',
      {
        config: { scope: 'admin' },
        schema: { tags, params: IdParams, querystring: SourceRemoveQuery, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await removeSource(deps, principal(request).accountId, request.params.id, request.query.withCaptured);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/capture/suggestions',
      {
        schema: {
          tags,
          summary: 'Frequent correspondents who are not contacts',
          response: { 200: SuggestionList },
        },
      },
      async (request) => ({ items: await suggestions(deps, principal(request).accountId) }),
    );
    app.post(
      '/capture/suggestions/:address/accept',
      { schema: { tags, params: AddressParams, response: { 201: Contact } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await acceptSuggestion(deps, principal(request).accountId, request.params.address)),
    );
    app.post(
      '/capture/suggestions/:address/dismiss',
      { schema: { tags, params: AddressParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await dismiss(deps, principal(request).accountId, request.params.address);
        return reply.code(204).send(null);
      },
    );
  };
}
