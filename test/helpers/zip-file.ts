import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test .zip; the header fields can be overridden to build damaged or hostile files. */
export interface TestZipEntry {
  name: string;
  data: Uint8Array | string;
  method?: 0 | 8 | number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Overrides of what the headers declare. */
  size?: number;
  compressedSize?: number;
}

/** A .zip as APPNOTE 4.3 lays it out: local headers and data, the central directory, its end record. */
export function zipFile(
  entries: TestZipEntry[],
  opts: { zip64Locator?: boolean; count?: number } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data);
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name);
    const crc = crc32(raw);
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at);
      h.writeUInt16LE((e.flags ?? 0) | 0x800, at + 2);
      h.writeUInt16LE(method, at + 4);
      h.writeUInt32LE(0, at + 6);
      h.writeUInt32LE(crc, at + 10);
      h.writeUInt32LE(e.compressedSize ?? body.length, at + 14);
      h.writeUInt32LE(e.size ?? raw.length, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const locator = Buffer.alloc(opts.zip64Locator ? 20 : 0);
  if (opts.zip64Locator) locator.writeUInt32LE(0x07064b50, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.count ?? entries.length, 8);
  end.writeUInt16LE(opts.count ?? entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, locator, end]);
}
