import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { Invalid } from '../core/errors';
import { MAX_PHOTO_INPUT_BYTES, MAX_PHOTO_PIXELS, PHOTO_SIZE } from '../core/photo-limits';

/** A contact photo as Tend stores it: a JPEG that fits 512×512, and a hash of its bytes for the ETag. */
export interface NormalisedPhoto {
  contentType: 'image/jpeg';
  bytes: Buffer;
  hash: string;
  width: number;
  height: number;
}

export type SniffedImage = 'jpeg' | 'png' | 'gif' | 'webp' | 'heif';

/** A photo that cannot be stored; the message says why, as a person would. */
export class PhotoError extends Invalid {}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** The image type the bytes themselves say (magic numbers); a file name or Content-Type is never trusted. */
export function sniffImage(bytes: Uint8Array): SniffedImage | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  // ISO BMFF: [size]ftyp<brand>; HEIC from iPhones, AVIF from browsers.
  if (
    ascii(bytes, 4, 8) === 'ftyp' &&
    /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif|avis)$/.test(ascii(bytes, 8, 12))
  )
    return 'heif';
  return undefined;
}

const SNIFFED_BY_SHARP: Record<string, SniffedImage> = {
  jpeg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  heif: 'heif',
};

// Decoded images are not kept between calls: a 10,000-photo import must not grow libvips' cache.
sharp.cache(false);
// One libvips thread per image: photos are small, and PHOTOS_IN_FLIGHT already uses both cores; more
// threads only add per-thread buffers (measured: 368 MB peak RSS for 10,000 photos with the default).
sharp.concurrency(1);

/**
 * Checks and normalises a photo: the type sniffed from the bytes, the pixel count capped before
 * decoding, EXIF orientation applied, transparency on white, resized to fit 512×512 (never enlarged)
 * and written as a baseline JPEG without metadata (no GPS position travels with a contact).
 */
export async function normalisePhoto(bytes: Uint8Array): Promise<NormalisedPhoto> {
  if (bytes.byteLength === 0) throw new PhotoError('the photo is empty', 'photo');
  if (bytes.byteLength > MAX_PHOTO_INPUT_BYTES)
    throw new PhotoError(`the photo is larger than ${MAX_PHOTO_INPUT_BYTES / 1024 / 1024} MB`, 'photo');
  const sniffed = sniffImage(bytes);
  if (!sniffed) throw new PhotoError('the photo is not a JPEG, PNG, GIF, WebP or AVIF image', 'photo');
  const options = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', animated: false } as const;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, options).metadata();
  } catch (e) {
    throw new PhotoError(
      /pixel limit/i.test(String(e))
        ? `the photo has more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`
        : `the photo's ${sniffed.toUpperCase()} data cannot be read`,
      'photo',
    );
  }
  if (SNIFFED_BY_SHARP[meta.format] !== sniffed)
    throw new PhotoError(`the photo's ${sniffed.toUpperCase()} data cannot be read`, 'photo');
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS)
    throw new PhotoError(
      `the photo is ${meta.width}×${meta.height} pixels, more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`,
      'photo',
    );
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const hash = createHash('sha256').update(data).digest('base64url').slice(0, 27);
    return { contentType: 'image/jpeg', bytes: data, hash, width: info.width, height: info.height };
  } catch {
    // HEIC decodes only where libheif has an HEVC decoder; sharp's own build has AV1 (AVIF) alone.
    if (sniffed === 'heif')
      throw new PhotoError('HEIC photos cannot be read here; export it as JPEG', 'photo');
    throw new PhotoError(`the photo's ${sniffed.toUpperCase()} data cannot be read`, 'photo');
  }
}
