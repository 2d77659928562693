import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CsvExportQuery, VCardExportQuery } from '../../contract/export';
import type { Deps } from '../../services/deps';
import { exportContactsCsv, exportVCards } from '../../services/export.service';
import { segmentFilter } from '../../services/segments.service';
import { principal } from '../auth-hook';

/** F23: contact exports, streamed so a large network is never held as one string. */
export function exportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['export'];
    app.get(
      '/export/contacts.vcf',
      { schema: { tags, querystring: VCardExportQuery } },
      async (request, reply) => {
        const { accountId } = principal(request);
        // Resolved before the stream starts, so an unknown segment is a 404, not a cut-off file.
        const filter = await segmentFilter(deps, accountId, request.query.segmentId);
        return reply
          .type('text/vcard; charset=utf-8')
          .header('content-disposition', 'attachment; filename="tend-contacts.vcf"')
          .send(Readable.from(exportVCards(deps, accountId, request.query.version, filter)));
      },
    );
    app.get(
      '/export/contacts.csv',
      { schema: { tags, querystring: CsvExportQuery } },
      async (request, reply) => {
        const { accountId } = principal(request);
        const filter = await segmentFilter(deps, accountId, request.query.segmentId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="tend-contacts.csv"')
          .send(Readable.from(exportContactsCsv(deps, accountId, filter)));
      },
    );
  };
}
