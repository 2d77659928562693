import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PasswordReset, PasswordResetDone } from '../../contract/auth';
import type { Deps } from '../../services/deps';
import { resetPassword } from '../../services/password.service';

/**
 * Operator commands for whoever holds the database (`tend admin …`). buildApp mounts these only in
 * the local CLI's in-process app, never on a listening server: there is no HTTP account that may
 * reset another account's password.
 */
export function adminRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/admin/reset-password',
      { schema: { hide: true, body: PasswordReset, response: { 200: PasswordResetDone } } },
      async (request) => resetPassword(deps, request.body),
    );
  };
}
