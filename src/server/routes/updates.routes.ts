import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import {
  Update,
  UpdateCreate,
  UpdateList,
  UpdatePreview,
  UpdateSend,
  UpdateSent,
  UpdateSettingsPatch,
  UpdatesDue,
} from '../../contract/updates';
import type { Deps } from '../../services/deps';
import {
  createUpdate,
  getUpdate,
  listUpdateItems,
  patchUpdateSettings,
  previewUpdate,
  sendUpdate,
  updatesDue,
} from '../../services/email/updates.service';
import { principal } from '../auth-hook';

export function updatesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['updates'];
    app.get('/updates', { schema: { tags, response: { 200: UpdateList } } }, async (request) => ({
      items: await listUpdateItems(deps, principal(request).accountId),
    }));
    app.post(
      '/updates',
      { schema: { tags, body: UpdateCreate, response: { 201: Update } } },
      async (request, reply) =>
        reply.code(201).send(await createUpdate(deps, principal(request).accountId, request.body)),
    );
    app.get('/updates/due', { schema: { tags, response: { 200: UpdatesDue } } }, async (request) =>
      updatesDue(deps, principal(request).accountId),
    );
    app.patch(
      '/updates/settings',
      { schema: { tags, body: UpdateSettingsPatch, response: { 200: UpdatesDue } } },
      async (request) => patchUpdateSettings(deps, principal(request).accountId, request.body),
    );
    app.get(
      '/updates/:id',
      { schema: { tags, params: IdParams, response: { 200: Update } } },
      async (request) => getUpdate(deps, principal(request).accountId, request.params.id),
    );
    app.get(
      '/updates/:id/preview',
      { schema: { tags, params: IdParams, response: { 200: UpdatePreview } } },
      async (request) => previewUpdate(deps, principal(request).accountId, request.params.id),
    );
    app.post(
      '/updates/:id/send',
      { schema: { tags, params: IdParams, body: UpdateSend, response: { 200: UpdateSent } } },
      async (request) => sendUpdate(deps, principal(request).accountId, request.params.id, request.body.mode),
    );
  };
}
