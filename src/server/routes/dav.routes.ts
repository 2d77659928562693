import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DavInfo, DavSettings } from '../../contract/dav';
import { bookPath, calendarPath } from '../../dav/paths';
import { getMe } from '../../services/auth.service';
import type { Deps } from '../../services/deps';
import { davDeleteMode, setDavDeleteMode } from '../../services/sync/dav.service';
import { principal } from '../auth-hook';

/** F31 settings: the DAV address to give a phone, and what a delete on the phone does. */
export function davRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sync'];
    const info = async (accountId: string, userId: string): Promise<DavInfo> => {
      const me = await getMe(deps, { accountId, userId });
      // Paths: the browser showing them knows the address the user reaches us at (proxy included).
      return {
        url: '/dav/',
        addressBookUrl: bookPath(accountId),
        calendarUrl: calendarPath(accountId),
        username: me.email,
        deleteMode: await davDeleteMode(deps, accountId),
      };
    };
    app.get('/dav/settings', { schema: { tags, response: { 200: DavInfo } } }, async (request) => {
      const p = principal(request);
      return info(p.accountId, p.userId);
    });
    app.patch(
      '/dav/settings',
      { schema: { tags, body: DavSettings, response: { 200: DavInfo } } },
      async (request) => {
        const p = principal(request);
        await setDavDeleteMode(deps, p.accountId, request.body.deleteMode);
        return info(p.accountId, p.userId);
      },
    );
  };
}
