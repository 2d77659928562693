import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RestoreSummary } from '../../contract/backup';
import { Invalid } from '../../core/errors';
import { exportBackup, restoreBackup } from '../../services/backup/backup.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

/** A 30,000-contact account with years of history is ~40 MB of JSON; 60 MB leaves room. */
const RESTORE_LIMIT = 60 * 1024 * 1024;

/**
 * Objects a restore body may hold: a 30,000-contact backup has about 600,000. Without a cap, 60 MB of
 * `{},` is 20 million objects, over a gigabyte of heap once parsed; counting braces first is one pass
 * over the bytes (braces inside strings count too, which only errs on the safe side).
 */
const RESTORE_MAX_OBJECTS = 3_000_000;

function countByte(body: Buffer, byte: number): number {
  let n = 0;
  for (let i = body.indexOf(byte); i !== -1; i = body.indexOf(byte, i + 1)) n++;
  return n;
}

/** Full JSON backup of an account, and its restore into an empty account. */
export function backupRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['backup'];
    // This plugin's only body is the restore: parse it here so its size is checked before JSON.parse.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: RESTORE_LIMIT },
      (_r, body, done) => {
        const buffer = typeof body === 'string' ? Buffer.from(body) : body;
        if (countByte(buffer, 0x7b) > RESTORE_MAX_OBJECTS)
          return done(
            new Invalid(`a backup holds at most ${RESTORE_MAX_OBJECTS.toLocaleString('en')} objects`, 'body'),
          );
        try {
          done(null, buffer.length === 0 ? undefined : JSON.parse(buffer.toString('utf8')));
        } catch {
          done(new Invalid('is not valid JSON', 'body'));
        }
      },
    );
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
          // Only the top level here (a few dozen named sections); the service checks each row and stops at the first problem.
          body: z
            .record(z.string().max(64), z.unknown())
            .refine((b) => Object.keys(b).length <= 64, 'at most 64 sections')
            .meta({ maxProperties: 64 }),
          response: { 201: RestoreSummary },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await restoreBackup(deps, principal(request).accountId, request.body)),
    );
  };
}
