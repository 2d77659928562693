import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_INPUT_BYTES } from '../core/photo-limits';
import { normalisePhoto, PhotoError, sniffImage } from './photo-image';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 200, g: 40, b: 90, alpha: 0.5 } } });

/** A PNG whose header claims `width`×`height` but holds one row of data: a pixel bomb's shape. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await solid(1, 1).png().toBuffer();
  // IHDR's data starts at byte 16: width and height, big-endian, then its CRC at 29 (type + data).
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('sniffImage', () => {
  it('reads the type from the bytes, whatever the file claims', async () => {
    expect(sniffImage(await solid(2, 2).jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImage(await solid(2, 2).png().toBuffer())).toBe('png');
    expect(sniffImage(await solid(2, 2).webp().toBuffer())).toBe('webp');
    expect(sniffImage(await solid(2, 2).gif().toBuffer())).toBe('gif');
    expect(sniffImage(await solid(2, 2).avif().toBuffer())).toBe('heif');
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImage(Buffer.from('GIF8'))).toBeUndefined();
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const type = sniffImage(bytes);
        expect(type === undefined || typeof type === 'string').toBe(true);
      }),
    );
  });
});

describe('normalisePhoto', () => {
  it('fits a large PNG into 512×512 as a JPEG, transparency on white, with a stable hash', async () => {
    const input = await solid(2000, 1000).png().toBuffer();
    const photo = await normalisePhoto(input);
    expect(photo).toMatchObject({ contentType: 'image/jpeg', width: 512, height: 256 });
    expect(sniffImage(photo.bytes)).toBe('jpeg');
    expect((await normalisePhoto(input)).hash).toBe(photo.hash);
    const { dominant } = await sharp(photo.bytes).stats();
    expect(dominant.r).toBeGreaterThan(200);
  });

  it('never enlarges a small photo, and reads WebP, GIF and AVIF', async () => {
    for (const input of [solid(40, 30).webp(), solid(40, 30).gif(), solid(40, 30).avif()])
      expect(await normalisePhoto(await input.toBuffer())).toMatchObject({ width: 40, height: 30 });
  });

  it('turns a rotated camera JPEG upright (EXIF orientation) and drops the metadata', async () => {
    const input = await solid(60, 20).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const photo = await normalisePhoto(input);
    expect(photo).toMatchObject({ width: 20, height: 60 });
    expect((await sharp(photo.bytes).metadata()).orientation).toBeUndefined();
  });

  it('refuses a pixel bomb before decoding it', async () => {
    await expect(normalisePhoto(await pngClaiming(100_000, 100_000))).rejects.toThrow(/megapixels/);
  });

  it('refuses garbage, SVG, a cut-off JPEG and an oversized file, each with the reason', async () => {
    const jpeg = await solid(300, 300).jpeg().toBuffer();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /empty/],
      [Buffer.from('not an image at all'), /not a JPEG, PNG/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /not a JPEG, PNG/],
      [jpeg.subarray(0, 200), /JPEG data cannot be read/],
      [new Uint8Array(MAX_PHOTO_INPUT_BYTES + 1), /larger than 10 MB/],
    ];
    for (const [bytes, message] of cases) {
      const error = await normalisePhoto(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PhotoError);
      expect(String(error)).toMatch(message);
    }
  });

  it('stores nothing it was not given: random bytes behind a JPEG header are refused, never thrown raw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 256 }), async (tail) => {
        const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), tail]);
        const result = await normalisePhoto(bytes).catch((e: unknown) => e);
        if (!(result instanceof PhotoError))
          expect(sniffImage((result as { bytes: Buffer }).bytes)).toBe('jpeg');
      }),
      { numRuns: 50 },
    );
  });
});
