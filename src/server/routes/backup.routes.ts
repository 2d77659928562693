import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RestoreSummary } from '../../contract/backup';
import { exportBackup, restoreBackup } from '../../services/backup.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

/** A 30,000-contact account with years of history is ~40 MB of JSON; 60 MB leaves room. */
const RESTORE_LIMIT = 60 * 1024 * 1024;

/** Full JSON backup of an account, and its restore into an empty account. */
export function backupRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['backup'];
    // The whole account in one file: admin work, like minting tokens.
    app.get(
      '/export/backup.json',
      { schema: { tags }, config: { scope: 'admin' } },
      async (request, reply) => {
        const doc = await exportBackup(deps, principal(request).accountId);
        const day = deps.clock().toISOString().slice(0, 10);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="tend-backup-${day}.json"`)
          .send(JSON.stringify(doc));
      },
    );
    app.post(
      '/import/backup',
      {
        bodyLimit: RESTORE_LIMIT,
        schema: {
          tags,
          description: 'Restores a file from GET /export/backup.json into this account, which must be empty.',
          // Validated in the service, which reports the first problem by path rather than thousands.
          body: z.record(z.string(), z.unknown()),
          response: { 201: RestoreSummary },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await restoreBackup(deps, principal(request).accountId, request.body)),
    );
  };
}
