import iconv from 'iconv-lite';
import { guessCodePage } from './code-page';
import { ImportFileError } from './imported-contact';

/** The encodings we can tell apart from the bytes alone; an 8-bit file gets its code page's name. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | (string & {});

/** The decision window: the encoding is chosen from the first 64 KB, then kept for the whole file. */
const SNIFF_BYTES = 64 * 1024;
/** A longer line is cut here (the rest up to the newline is dropped), so memory stays bounded. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** Chooses the encoding of a file from its first bytes; throws ImportFileError on empty or binary input. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head.length === 0) throw new ImportFileError('The file is empty.');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    if (head.length === 3) throw new ImportFileError('The file is empty.');
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const bomless = utf16WithoutBom(head);
  if (bomless) return { encoding: bomless, bomLength: 0 };
  if (head.includes(0)) {
    throw new ImportFileError('The file looks binary (it contains NUL bytes), not a CSV or vCard text file.');
  }
  try {
    // stream: true so that a character cut at the 64 KB boundary is not taken for invalid UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: guessCodePage(head), bomLength: 0 };
  }
}

/** UTF-16 without a BOM shows as ASCII text with every other byte NUL (Excel's "Unicode Text"). */
function utf16WithoutBom(head: Uint8Array): TextEncoding | undefined {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return undefined;
}

interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

function chunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    // Not fatal: the choice was made on the first 64 KB; a stray byte later becomes U+FFFD.
    const td = new TextDecoder('utf-8', { ignoreBOM: true });
    return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
  }
  const dec = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    write: (b) => dec.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
    end: () => dec.end() ?? '',
  };
}

const SLICE_BYTES = 64 * 1024;

/**
 * Chunks of at most 64 KB (views, not copies): a body that arrives as one 10 MB buffer (an in-process
 * request, a proxy that buffers) would otherwise be decoded and split in one go, holding the event loop.
 */
async function* slices(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (chunk.byteLength <= SLICE_BYTES) yield chunk;
    else for (let i = 0; i < chunk.byteLength; i += SLICE_BYTES) yield chunk.subarray(i, i + SLICE_BYTES);
  }
}

/** Decodes a byte stream into text chunks: BOM stripped, encoding sniffed from the first 64 KB. */
export async function* decodeText(
  source: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let decoder: ChunkDecoder | undefined;
  const start = (): string => {
    const head = Buffer.concat(held, heldBytes);
    held.length = 0;
    const { encoding, bomLength } = sniffEncoding(head);
    onEncoding?.(encoding);
    decoder = chunkDecoder(encoding);
    return decoder.write(head.subarray(bomLength));
  };
  for await (const chunk of slices(source)) {
    if (decoder) {
      const text = decoder.write(chunk);
      if (text) yield text;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.byteLength;
    if (heldBytes >= SNIFF_BYTES) {
      const text = start();
      if (text) yield text;
    }
  }
  if (!decoder) {
    const text = start();
    if (text) yield text;
  }
  const tail = decoder?.end();
  if (tail) yield tail;
}

/** How long a reader may keep the event loop before letting other requests (health checks) run. */
const SLICE_MS = 5;
const CHECK_EVERY_LINES = 1024;

/**
 * Splits text chunks into lines (LF or CRLF, terminators removed); over-long lines are cut at `maxLineChars`.
 * Every reader of uploads sits on this, so it is where they yield: a chunk of 64 KB may hold 30,000
 * short lines, all delivered in one macrotask, and the readers' own awaits are microtasks only.
 */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<string> {
  let pending = '';
  let skipping = false; // inside the dropped rest of an over-long line
  let sliceStart = performance.now();
  let count = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      if (++count % CHECK_EVERY_LINES === 0 && performance.now() - sliceStart > SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const line = skipping ? pending : pending + chunk.slice(from, nl);
      pending = '';
      skipping = false;
      from = nl + 1;
      yield trimCr(line.length > maxLineChars ? line.slice(0, maxLineChars) : line);
    }
    if (skipping || from === chunk.length) continue;
    pending += chunk.slice(from);
    if (pending.length > maxLineChars) {
      pending = pending.slice(0, maxLineChars);
      skipping = true;
    }
  }
  if (pending) yield trimCr(pending);
}

function trimCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

/** Bytes → lines: the entry point every reader uses. */
export function decodeLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  return splitLines(decodeText(source));
}

/** Reads up to `count` lines ahead and returns them with a stream that replays them first. */
export async function peekLines(
  lines: AsyncIterable<string>,
  count: number,
): Promise<{ head: string[]; lines: AsyncIterableIterator<string> }> {
  const it = lines[Symbol.asyncIterator]();
  const head: string[] = [];
  let done = false;
  while (head.length < count) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  // Not an async generator: after the head, each line comes straight from `it`, without one more
  // promise hop per line (~50 ms on the 125,000 lines of 10,000 vCards). Like the generator it
  // replaces, stopping early leaves `it` as it is.
  let replayed = 0;
  const finished = (): Promise<IteratorResult<string>> => Promise.resolve({ value: undefined, done: true });
  const replay: AsyncIterableIterator<string> = {
    next: () => {
      const line = head[replayed];
      if (line !== undefined) {
        replayed++;
        return Promise.resolve({ value: line, done: false });
      }
      return done ? finished() : it.next();
    },
    return: () => {
      done = true;
      replayed = head.length;
      return finished();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return { head, lines: replay };
}

/** Wraps in-memory bytes as a chunked stream (tests and small uploads). */
export async function* bytesSource(bytes: Uint8Array, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}
