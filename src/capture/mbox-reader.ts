/**
 * Streams an mbox file (Google Takeout, Thunderbird; mboxo and mboxrd) and yields each message's
 * header block. Bodies are never decoded or kept: the reader jumps from the end of a header to the
 * next "\nFrom " with one native search per chunk, and looks only at the two bytes before it (a
 * From_ line counts only after a blank line), so a body costs a memchr, not a line loop.
 */

/** One message's raw header block (lines still folded, each with its newline), or why it could not be read. */
export type MboxBlock = { index: number; header: Buffer } | { index: number; error: string };

/**
 * Cuts an mbox into header blocks chunk by chunk: `push` each chunk in order, then `end`. Each
 * block's header is a view into the bytes pushed (no copy per message): parse it before the next
 * push, or copy it to keep it.
 */
export interface MboxSplitter {
  push(chunk: Uint8Array): MboxBlock[];
  end(): MboxBlock[];
}

/** A header block larger than this is skipped as malformed (real ones are a few KB; Gmail's ~20 KB). */
export const MAX_HEADER_BYTES = 256 * 1024;

const NL = 0x0a;
const CR = 0x0d;
const FROM_ = Buffer.from('From ');
const NL_FROM_ = Buffer.from('\nFrom ');
const EMPTY = Buffer.alloc(0);
// A "\nFrom " cut by a chunk boundary has its newline in the last 5 bytes; the check needs 2 before.
const BODY_CARRY = 8;

/** The newline at `nl` ends a blank line ("\n" or "\r\n" right after another newline). */
function endsBlankLine(buf: Buffer, nl: number): boolean {
  const before = buf[nl - 1];
  return nl >= 1 && (before === NL || (before === CR && nl >= 2 && buf[nl - 2] === NL));
}

type State =
  /** Before the first From_ line; blank lines are skipped. */
  | { at: 'start' }
  /** On a From_ line: skipped to its end. */
  | { at: 'from-line' }
  /** In a header block from `start`; `line` is where the next unread line starts (-1: inside a dropped one). */
  | { at: 'headers'; start: number; line: number; tooLarge: boolean }
  /** In a body, looking for "\nFrom " at or after `from`; `blank` is a newline known to end a blank line (or -1). */
  | { at: 'body'; from: number; blank: number };

type InHeaders = Extract<State, { at: 'headers' }>;
type InBody = Extract<State, { at: 'body' }>;

/** Where the next From_ line's "\nFrom " is in a body, or -1. */
function nextFromLine(buf: Buffer, s: InBody): number {
  let h = buf.indexOf(NL_FROM_, s.from);
  while (h >= 0 && h !== s.blank && !endsBlankLine(buf, h)) h = buf.indexOf(NL_FROM_, h + 1);
  return h;
}

/** Yields every message's header block in file order; a malformed message is reported, never fatal. */
export async function* readMbox(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MboxBlock> {
  const splitter = splitMbox();
  // Copied, so that a caller may keep a block without keeping the chunk it came from.
  const own = (b: MboxBlock): MboxBlock =>
    'header' in b ? { index: b.index, header: Buffer.from(b.header) } : b;
  for await (const chunk of chunks) yield* splitter.push(chunk).map(own);
  yield* splitter.end().map(own);
}

/** readMbox without its generator: a caller that parses each block saves a promise per message. */
export function splitMbox(): MboxSplitter {
  let state: State = { at: 'start' };
  let index = 0;
  let pending: Buffer = EMPTY;
  const out: MboxBlock[] = [];

  const endHeaders = (buf: Buffer, s: InHeaders, end: number) => {
    if (s.tooLarge || end - s.start > MAX_HEADER_BYTES)
      out.push({ index, error: `message ${index}: its header is larger than ${MAX_HEADER_BYTES / 1024} KB` });
    else out.push({ index, header: buf.subarray(s.start, end) });
  };

  /** Reads a header block's lines as far as `buf` allows; returns the bytes to keep, or null when it ended. */
  const headers = (buf: Buffer, s: InHeaders, eof: boolean): Buffer | null => {
    for (;;) {
      if (s.line < 0) {
        const nl = buf.indexOf(NL);
        if (nl < 0) {
          if (eof) endHeaders(buf, s, buf.length);
          return EMPTY;
        }
        s.line = nl + 1;
      }
      const c = buf[s.line];
      const lastByte = s.line + 1 === buf.length;
      // A lone "\r" at the end of the data may still become "\r\n" (a blank line): wait for more.
      const blank =
        c === NL ? s.line : c === CR && (buf[s.line + 1] === NL || (lastByte && eof)) ? s.line + 1 : -1;
      if (blank >= 0) {
        endHeaders(buf, s, s.line);
        state = { at: 'body', from: blank, blank };
        return null;
      }
      const nl = c === undefined || (c === CR && lastByte) ? -1 : buf.indexOf(NL, s.line);
      if (nl >= 0) {
        s.line = nl + 1;
        if (s.line - s.start > MAX_HEADER_BYTES) s.tooLarge = true;
        continue;
      }
      if (eof) {
        endHeaders(buf, s, buf.length);
        return EMPTY;
      }
      if (buf.length - s.start > MAX_HEADER_BYTES) s.tooLarge = true;
      if (s.tooLarge) {
        // The block is dropped; only its end is still looked for. A lone "\r" is kept (it may be blank).
        const loneCr = c === CR && lastByte;
        state = { at: 'headers', start: 0, line: loneCr || c === undefined ? 0 : -1, tooLarge: true };
        return loneCr ? buf.subarray(s.line) : EMPTY;
      }
      state = { at: 'headers', start: 0, line: s.line - s.start, tooLarge: false };
      return buf.subarray(s.start);
    }
  };

  /** Reads as far as `buf` allows; returns the bytes to keep for the next chunk. */
  const advance = (buf: Buffer, eof: boolean, from = 0): Buffer => {
    let pos = from;
    for (;;) {
      const s: State = state;
      if (s.at === 'start') {
        while (pos < buf.length && (buf[pos] === NL || (buf[pos] === CR && buf[pos + 1] === NL)))
          pos += buf[pos] === NL ? 1 : 2;
        const rest = buf.length - pos;
        if (rest === 1 && buf[pos] === CR) return eof ? EMPTY : buf.subarray(pos);
        if (rest === 0) return EMPTY;
        const n = Math.min(rest, FROM_.length);
        if (buf.compare(FROM_, 0, n, pos, pos + n) === 0) {
          if (n === FROM_.length) {
            index++;
            state = { at: 'from-line' };
            continue;
          }
          if (!eof) return buf.subarray(pos);
        }
        out.push({ index: 0, error: 'this is not an mbox file: it does not start with a "From " line' });
        state = { at: 'body', from: pos, blank: -1 };
      } else if (s.at === 'from-line') {
        const nl = buf.indexOf(NL, pos);
        if (nl < 0) {
          if (eof) out.push({ index, header: EMPTY });
          return EMPTY;
        }
        pos = nl + 1;
        state = { at: 'headers', start: pos, line: pos, tooLarge: false };
      } else if (s.at === 'headers') {
        const kept = headers(buf, s, eof);
        if (kept) return kept;
      } else {
        const h = nextFromLine(buf, s);
        if (h >= 0) {
          index++;
          pos = h + 1;
          state = { at: 'from-line' };
          continue;
        }
        if (eof) return EMPTY;
        const keepFrom = Math.max(0, buf.length - BODY_CARRY);
        state = {
          at: 'body',
          from: Math.max(0, s.from - keepFrom),
          blank: s.blank >= keepFrom ? s.blank - keepFrom : -1,
        };
        return buf.subarray(keepFrom);
      }
    }
  };

  const push = (chunk: Uint8Array): MboxBlock[] => {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let kept: Buffer;
    if (state.at === 'body' && pending.length > 0 && bytes.length > 2 * BODY_CARRY) {
      // The few bytes kept from a body and the start of this chunk are searched on their own, so
      // the chunk itself is never copied: a From_ line cut by the boundary is found here.
      const junction = Buffer.concat([pending, bytes.subarray(0, 2 * BODY_CARRY)]);
      const h = nextFromLine(junction, state);
      if (h >= 0) {
        index++;
        state = { at: 'from-line' };
        kept = advance(bytes, false, h + 1 + FROM_.length - pending.length);
      } else {
        // A "\nFrom " at this chunk's first two bytes was the junction's to find; later ones have their context here.
        state = { at: 'body', from: 0, blank: -1 };
        kept = advance(bytes, false);
      }
    } else kept = advance(pending.length > 0 ? Buffer.concat([pending, bytes]) : bytes, false);
    // A copy of what is kept, so the chunk it came from can be collected.
    pending = Buffer.from(kept);
    return out.splice(0);
  };

  const end = (): MboxBlock[] => {
    advance(pending, true);
    if (state.at === 'start') out.push({ index: 0, error: 'this is not an mbox file: it has no messages' });
    return out.splice(0);
  };

  return { push, end };
}
