import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DigestSettings, DigestSettingsPatch } from '../../contract/digest';
import type { Deps } from '../../services/deps';
import { getDigestSettings, patchDigestSettings } from '../../services/email/digest.service';
import { principal } from '../auth-hook';

export function digestRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['digest'];
    app.get('/digest/settings', { schema: { tags, response: { 200: DigestSettings } } }, async (request) =>
      getDigestSettings(deps, principal(request).accountId),
    );
    app.patch(
      '/digest/settings',
      { schema: { tags, body: DigestSettingsPatch, response: { 200: DigestSettings } } },
      async (request) => patchDigestSettings(deps, principal(request).accountId, request.body),
    );
  };
}
