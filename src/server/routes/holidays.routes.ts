import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HolidaySettings, HolidaySettingsBody } from '../../contract/holidays';
import type { Deps } from '../../services/deps';
import { getHolidaySettings, putHolidaySettings } from '../../services/holidays.service';
import { principal } from '../auth-hook';

/** F9: which holidays count per circle, and the touches a year they add. */
export function holidaysRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['holidays'];
    app.get('/holidays/settings', { schema: { tags, response: { 200: HolidaySettings } } }, async (request) =>
      getHolidaySettings(deps, principal(request).accountId),
    );
    app.put(
      '/holidays/settings',
      { schema: { tags, body: HolidaySettingsBody, response: { 200: HolidaySettings } } },
      async (request) => putHolidaySettings(deps, principal(request).accountId, request.body),
    );
  };
}
