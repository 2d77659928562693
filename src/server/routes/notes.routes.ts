import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { Note, NoteCreate, NoteList, NotePatch } from '../../contract/notes';
import type { Deps } from '../../services/deps';
import { addNote, contactNotes, patchNote, removeNote } from '../../services/notes.service';
import { principal } from '../auth-hook';

export function notesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notes'];
    app.get(
      '/contacts/:id/notes',
      { schema: { tags, params: IdParams, response: { 200: NoteList } } },
      async (request) => ({
        items: await contactNotes(deps, principal(request).accountId, request.params.id),
      }),
    );
    app.post(
      '/contacts/:id/notes',
      { schema: { tags, params: IdParams, body: NoteCreate, response: { 201: Note } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addNote(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.patch(
      '/notes/:id',
      { schema: { tags, params: IdParams, body: NotePatch, response: { 200: Note } } },
      async (request) => patchNote(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/notes/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeNote(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
