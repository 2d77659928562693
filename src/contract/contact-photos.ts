import { z } from 'zod';

/**
 * What PUT /contacts/{id}/photo takes as its Content-Type. It only gates the request: the image
 * type is read from the bytes, whatever the header says.
 */
export const PHOTO_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
  'application/octet-stream',
] as const;

export const ContactPhotoSaved = z.object({
  hash: z.string().describe('the ETag of GET /contacts/{id}/photo'),
  width: z.number().int(),
  height: z.number().int(),
});
export type ContactPhotoSaved = z.infer<typeof ContactPhotoSaved>;
