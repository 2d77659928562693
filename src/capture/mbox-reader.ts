/**
 * Streams an mbox file (Google Takeout, Thunderbird; mboxo and mboxrd) and yields each message's
 * header block. Bodies are never decoded or kept: a body line is only looked at for whether it is
 * blank and whether it starts a new message, so the work is one pass over the bytes.
 */

/** One message's raw header block (lines still folded), or why the message could not be read. */
export type MboxBlock = { index: number; headers: string } | { index: number; error: string };

/** A header block larger than this is skipped as malformed (real ones are a few KB; Gmail's ~20 KB). */
export const MAX_HEADER_BYTES = 256 * 1024;

const NL = 0x0a;
const FROM_ = Buffer.from('From ');

function startsWithFrom(buf: Buffer, start: number, end: number): boolean {
  if (end - start < 5) return false;
  for (let i = 0; i < 5; i++) if (buf[start + i] !== FROM_[i]) return false;
  return true;
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  return end === start || (end - start === 1 && buf[start] === 0x0d);
}

/** Yields every message's header block in file order; a malformed message is reported, never fatal. */
export async function* readMbox(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MboxBlock> {
  // 'start' until the first From_ line; 'headers' collects one block; 'body' skips to the next From_.
  let state = 'start' as 'start' | 'headers' | 'body';
  let index = 0;
  let header: Buffer[] = [];
  let headerBytes = 0;
  let tooLarge = false;
  let prevBlank = true;
  // A line cut by a chunk boundary: kept whole in headers (up to the cap), else only its first bytes.
  let partial: Buffer | null = null;

  function* endHeaders(): Generator<MboxBlock> {
    if (tooLarge)
      yield { index, error: `message ${index}: its header is larger than ${MAX_HEADER_BYTES / 1024} KB` };
    else yield { index, headers: Buffer.concat(header).toString('utf8') };
    header = [];
    headerBytes = 0;
    tooLarge = false;
  }

  function* line(buf: Buffer, start: number, end: number): Generator<MboxBlock> {
    if (state === 'headers') {
      if (isBlank(buf, start, end)) {
        yield* endHeaders();
        state = 'body';
        prevBlank = true;
        return;
      }
      headerBytes += end - start + 1;
      if (headerBytes > MAX_HEADER_BYTES) tooLarge = true;
      // A copy, so the chunk it came from can be collected.
      else header.push(Buffer.from(buf.subarray(start, end + 1)));
      return;
    }
    if (startsWithFrom(buf, start, end) && prevBlank) {
      index++;
      state = 'headers';
      return;
    }
    if (state === 'start') {
      if (!isBlank(buf, start, end)) {
        yield { index: 0, error: 'this is not an mbox file: it does not start with a "From " line' };
        state = 'body';
        prevBlank = false;
      }
      return;
    }
    prevBlank = isBlank(buf, start, end);
  }

  for await (const chunk of chunks) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (partial) {
      buf = Buffer.concat([partial, buf]);
      partial = null;
    }
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(NL, start);
      if (nl < 0) break;
      yield* line(buf, start, nl);
      start = nl + 1;
    }
    if (start < buf.length) {
      const rest = buf.subarray(start);
      // In a body only the first bytes of a line matter; a header line is capped by MAX_HEADER_BYTES.
      partial = Buffer.from(
        state === 'headers' && rest.length <= MAX_HEADER_BYTES ? rest : rest.subarray(0, 8),
      );
      if (state === 'headers' && rest.length > MAX_HEADER_BYTES) tooLarge = true;
    }
  }
  if (partial) yield* line(partial, 0, partial.length);
  if (state === 'headers') yield* endHeaders();
  if (state === 'start') yield { index: 0, error: 'this is not an mbox file: it has no messages' };
}
