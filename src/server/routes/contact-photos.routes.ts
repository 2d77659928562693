import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { ContactPhotoSaved, PHOTO_CONTENT_TYPES } from '../../contract/contact-photos';
import { Invalid, UnsupportedMediaType } from '../../core/errors';
import { isOneOf } from '../../core/one-of';
import { MAX_PHOTO_INPUT_BYTES } from '../../core/photo-limits';
import { getContactPhoto, removeContactPhoto, setContactPhoto } from '../../services/contact-photos.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

/** F23: a contact's photo, as an image resource of its own (lists carry only its hash). */
export function contactPhotosRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['contacts'];
    app.addContentTypeParser(
      [...PHOTO_CONTENT_TYPES],
      { parseAs: 'buffer', bodyLimit: MAX_PHOTO_INPUT_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.get(
      '/contacts/:id/photo',
      { schema: { tags, params: IdParams, summary: "The contact's photo (JPEG, at most 512×512)" } },
      async (request, reply) => {
        const photo = await getContactPhoto(deps, principal(request).accountId, request.params.id);
        const etag = `"${photo.hash}"`;
        reply
          .header('etag', etag)
          // Private: a photo of someone's contact never sits in a shared cache; revalidated by ETag.
          .header('cache-control', 'private, no-cache')
          .header('x-content-type-options', 'nosniff');
        if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag))
          return reply.code(304).send();
        return reply.type(photo.contentType).send(photo.bytes);
      },
    );
    app.put(
      '/contacts/:id/photo',
      {
        bodyLimit: MAX_PHOTO_INPUT_BYTES,
        // Before the body is read: a wrong type is refused without buffering 10 MB.
        onRequest: async (request) => {
          const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          if (!isOneOf(PHOTO_CONTENT_TYPES, type))
            throw new UnsupportedMediaType(
              `send the image itself as the body (JPEG, PNG, GIF, WebP or AVIF)${type ? `, not ${type}` : ''}`,
              'content-type',
            );
        },
        schema: {
          tags,
          params: IdParams,
          summary: 'Set or replace the photo',
          description:
            'The image is the raw body (at most 10 MB; a larger one is a 413). Its type is read from the ' +
            'bytes: JPEG, PNG, GIF, WebP or AVIF; anything else is a 400. It is stored as a JPEG that fits 512×512.',
          response: { 200: ContactPhotoSaved },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new Invalid('send the image as the body', 'body');
        return setContactPhoto(deps, principal(request).accountId, request.params.id, request.body);
      },
    );
    app.delete(
      '/contacts/:id/photo',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeContactPhoto(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
