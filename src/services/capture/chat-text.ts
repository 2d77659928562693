import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { chatFromZip } from '../../capture/whatsapp-zip';
import { looksLikeZip } from '../../capture/zip-entries';

/** The first chunk (at least four bytes when the file has them) and the stream it came from, unread. */
async function peek(
  file: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; whole: AsyncIterable<Uint8Array> }> {
  const it = file[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < 4) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    first.push(r.value);
    length += r.value.byteLength;
  }
  async function* whole(): AsyncGenerator<Uint8Array> {
    yield* first;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head: Buffer.concat(first), whole: whole() };
}

/**
 * A WhatsApp upload as its chat text: the .txt as it streams, or the chat .txt out of the export's
 * .zip. The .zip is spooled to a private temporary file (its central directory is at the end and
 * media can make it large), read there and removed; the media never leave it.
 */
export async function chatText(file: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const { head, whole } = await peek(file);
  if (!looksLikeZip(head)) return whole;
  const dir = await mkdtemp(join(tmpdir(), 'tend-chat-'));
  try {
    const path = join(dir, 'export.zip');
    await pipeline(whole, createWriteStream(path, { mode: 0o600 }));
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const text = await chatFromZip({
        size,
        read: async (position, length) => {
          const buffer = Buffer.alloc(length);
          const { bytesRead } = await handle.read(buffer, 0, length, position);
          return buffer.subarray(0, bytesRead);
        },
      });
      return (async function* () {
        yield text;
      })();
    } finally {
      await handle.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
