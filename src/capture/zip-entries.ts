import { crc32, inflateRawSync } from 'node:zlib';
import { Invalid } from '../core/errors';

/**
 * Just enough of the .zip format (APPNOTE.TXT 4.3) to take one text file out of a phone's export:
 * the central directory at the end names the entries, each entry is stored (0) or deflated (8).
 * Everything else is refused in words: zip64, encryption, other methods, a zip bomb.
 */

/** Random access to the file: a Buffer in tests, a spooled temporary file for an upload. */
export interface ZipBytes {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export const MAX_ZIP_ENTRIES = 10_000;
/** A text compresses 5–10×; past this the entry is a bomb, not a chat. */
export const MAX_COMPRESSION_RATIO = 100;

const MAX_DIRECTORY_BYTES = 16 * 1024 ** 2;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** The first bytes of a .zip ("PK\3\4", or "PK\5\6" for an empty one). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && head[3] === head[2] + 1;
}

export function bufferBytes(buffer: Uint8Array): ZipBytes {
  return {
    size: buffer.byteLength,
    read: async (position, length) => buffer.subarray(position, position + length),
  };
}

function refuse(problem: string): never {
  throw new Invalid(problem, 'body');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries the central directory lists, in its order. */
export async function zipEntries(file: ZipBytes): Promise<ZipEntry[]> {
  if (file.size < EOCD_SIZE) refuse('the .zip is cut short: it has no central directory');
  const tailLength = Math.min(file.size, EOCD_SIZE + MAX_COMMENT + 20);
  const tailStart = file.size - tailLength;
  const tail = await file.read(tailStart, tailLength);
  const t = view(tail);
  let at = -1;
  for (let i = tail.byteLength - EOCD_SIZE; i >= 0; i--) {
    if (t.getUint32(i, true) === EOCD && i + EOCD_SIZE + t.getUint16(i + 20, true) <= tail.byteLength) {
      at = i;
      break;
    }
  }
  if (at < 0) refuse('the .zip is cut short: it has no central directory');
  if (at >= 20 && t.getUint32(at - 20, true) === ZIP64_LOCATOR)
    refuse('the .zip is a zip64 archive, which Tend does not read: export the chat without media');
  const count = t.getUint16(at + 10, true);
  const cdSize = t.getUint32(at + 12, true);
  const cdOffset = t.getUint32(at + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    refuse('the .zip is a zip64 archive, which Tend does not read: export the chat without media');
  if (t.getUint16(at + 4, true) !== 0 || t.getUint16(at + 8, true) !== count)
    refuse('the .zip is split over several parts: give the whole archive');
  if (count > MAX_ZIP_ENTRIES) refuse(`the .zip holds ${count} entries, more than ${MAX_ZIP_ENTRIES}`);
  // 10,000 entries with long names are a few MB; a larger directory is not a phone's export.
  if (cdSize > MAX_DIRECTORY_BYTES)
    refuse(`the .zip's directory is larger than ${MAX_DIRECTORY_BYTES / 1024 ** 2} MB`);
  if (cdOffset + cdSize > tailStart + at) refuse('the .zip is damaged: its directory points past its end');
  const cd = await file.read(cdOffset, cdSize);
  const c = view(cd);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.byteLength || c.getUint32(p, true) !== CENTRAL)
      refuse(`the .zip is damaged: directory entry ${n + 1} of ${count} is unreadable`);
    const nameLength = c.getUint16(p + 28, true);
    const next = p + 46 + nameLength + c.getUint16(p + 30, true) + c.getUint16(p + 32, true);
    if (next > cd.byteLength)
      refuse(`the .zip is damaged: directory entry ${n + 1} of ${count} is unreadable`);
    entries.push({
      // Phones write UTF-8 names (flag bit 11); an old CP437 name only matters for matching ASCII.
      name: new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength)),
      method: c.getUint16(p + 10, true),
      encrypted: (c.getUint16(p + 8, true) & 1) === 1,
      crc: c.getUint32(p + 16, true),
      compressedSize: c.getUint32(p + 20, true),
      size: c.getUint32(p + 24, true),
      localOffset: c.getUint32(p + 42, true),
    });
    p = next;
  }
  return entries;
}

/** The entry's bytes, inflated and checked (size, CRC-32); refuses past `maxBytes` or the bomb ratio. */
export async function readZipEntry(file: ZipBytes, entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  const what = `"${entry.name}" in the .zip`;
  if (entry.encrypted) refuse(`${what} is encrypted: export the chat again without a password`);
  if (entry.method !== 0 && entry.method !== 8)
    refuse(`${what} is compressed with method ${entry.method}; Tend reads stored and deflated entries`);
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
    refuse(`${what} is a zip64 entry, which Tend does not read`);
  // Deflate never grows a text by more than a few bytes per 16 KB block.
  if (entry.size > maxBytes || entry.compressedSize > maxBytes + 64 * 1024)
    refuse(`${what} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB`);
  if (entry.size > Math.max(entry.compressedSize, 1) * MAX_COMPRESSION_RATIO)
    refuse(`${what} expands more than ${MAX_COMPRESSION_RATIO}× (a zip bomb, not a chat)`);
  const header = await file.read(entry.localOffset, 30);
  const h = view(header);
  if (header.byteLength < 30 || h.getUint32(0, true) !== LOCAL)
    refuse(`the .zip is damaged: ${what} has no local header`);
  const start = entry.localOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
  if (start + entry.compressedSize > file.size) refuse(`the .zip is damaged: ${what} runs past its end`);
  const raw = await file.read(start, entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else {
    try {
      // The cap holds whatever the directory claims: inflating stops one byte past the declared size.
      data = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    } catch {
      refuse(`the .zip is damaged: ${what} does not inflate to its declared ${entry.size} bytes`);
    }
  }
  if (data.byteLength !== entry.size)
    refuse(`the .zip is damaged: ${what} holds ${data.byteLength} bytes, not the ${entry.size} it declares`);
  if (crc32(data) !== entry.crc) refuse(`the .zip is damaged: ${what} fails its CRC-32 check`);
  return data;
}
