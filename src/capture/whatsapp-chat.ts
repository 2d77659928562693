import { Invalid } from '../core/errors';

/** Which number comes first in `12/03/2024`: the file decides, or the user when it cannot. */
export type ChatDateOrder = 'dmy' | 'mdy';

/** One message of a WhatsApp export; `line` is where it starts (1-based). */
export interface WhatsAppMessage {
  line: number;
  day: string;
  time: string;
  sender: string;
  /** The text (continuation lines joined with LF), or null for a photo, voice note, sticker … */
  text: string | null;
}

export interface WhatsAppChat {
  messages: WhatsAppMessage[];
  /** Lines that started like a message but were not one (an impossible date), in words. */
  errors: string[];
  malformed: number;
  /** End-to-end notices, missed calls, security-code changes: not messages, not counted. */
  system: number;
  order: ChatDateOrder;
}

/** Longest text kept per message: enough for any summary; a pasted novel is not a note. */
export const MAX_MESSAGE_CHARS = 4000;
const MAX_ERRORS_KEPT = 20;

// Real exports carry LEFT-TO-RIGHT MARK (U+200E) before system texts and media, U+202F (NARROW
// NO-BREAK SPACE) before AM/PM on iOS 16+, and U+00A0 after iOS's "~" for unsaved numbers.
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SPACES = /[\u202f\u00a0\u2007]/g;
const DATE = String.raw`(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s?([AaPp])\.?\s?[Mm]\.?)?`;
/** iOS: `[12/03/2024, 14:05:09] Name: text`. */
const IOS = new RegExp(String.raw`^\[${DATE},?\s${TIME}\]\s(.*)$`);
/** Android and the web: `12/03/2024, 14:05 - Name: text` (also `12.03.24, 14:05 - …`). */
const ANDROID = new RegExp(String.raw`^${DATE},?\s${TIME}\s[-–]\s(.*)$`);
const MEDIA =
  /^(?:<Media omitted>|<Medien ausgeschlossen>|(?:image|video|audio|sticker|GIF|document|Contact card) omitted|.* document omitted|This message was deleted|You deleted this message|<This message was edited>)$/i;
const SYSTEM =
  /(?:end-to-end encrypted|Ende-zu-Ende-verschlüsselt|security code (?:changed|with)|Missed (?:voice|video) call|Sicherheitsnummer|disappearing messages)/i;

interface RawMessage {
  line: number;
  a: number;
  b: number;
  year: number;
  dotted: boolean;
  time: string;
  sender: string;
  text: string[];
  media: boolean;
  raw: string;
}

function hours24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'p';
  return (h % 12) + (pm ? 12 : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a WhatsApp chat export (.txt) in the iOS, Android, US and German shapes. Day-first or
 * month-first is decided from the whole file (a first number over 12 proves day-first, a second
 * over 12 month-first; dotted dates are day-first in every locale that writes them); when nothing
 * in the file decides, `dateOrder` must — never a guess. Lines that are not a message start
 * continue the previous message; system notices are dropped and counted.
 */
export async function readWhatsAppChat(
  lines: AsyncIterable<string>,
  opts: { dateOrder?: ChatDateOrder; keepText: boolean },
): Promise<WhatsAppChat> {
  const raws: RawMessage[] = [];
  let system = 0;
  let malformed = 0;
  const errors: string[] = [];
  const fail = (error: string) => {
    malformed++;
    if (errors.length < MAX_ERRORS_KEPT) errors.push(error);
  };
  let lineNo = 0;
  let current: RawMessage | undefined;
  let chars = 0;
  for await (const rawLine of lines) {
    lineNo++;
    const marked = rawLine.includes('\u200e');
    const line = rawLine.replace(INVISIBLE, '').replace(SPACES, ' ');
    const m = IOS.exec(line) ?? ANDROID.exec(line);
    if (!m) {
      if (current) {
        if (opts.keepText && chars < MAX_MESSAGE_CHARS) {
          current.text.push(line);
          chars += line.length + 1;
        }
      } else if (line.trim()) fail(`line ${lineNo}: not a WhatsApp message line: ${line.slice(0, 60)}`);
      continue;
    }
    current = undefined;
    const [, a, sep, b, y, h, min, s, ampm, rest = ''] = m;
    const colon = rest.indexOf(': ');
    if (colon <= 0) {
      system++; // Android's notices have no sender: "Messages and calls are end-to-end encrypted."
      continue;
    }
    const sender = rest.slice(0, colon).replace(/^~\s*/, '').trim();
    const text = rest.slice(colon + 2).trim();
    const media = MEDIA.test(text);
    // iOS gives its notices the chat's name as sender and marks them with U+200E, as it does media.
    if (!media && (SYSTEM.test(text) || (marked && rawLine.lastIndexOf('\u200e') > rawLine.indexOf(': ')))) {
      system++;
      continue;
    }
    const hour = hours24(Number(h), ampm);
    if (hour > 23 || Number(min) > 59 || Number(s ?? 0) > 59) {
      fail(`line ${lineNo}: ${h}:${min} is not a time`);
      continue;
    }
    const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
    current = {
      line: lineNo,
      a: Number(a),
      b: Number(b),
      year,
      dotted: sep === '.',
      time: `${pad(hour)}:${min}:${s ?? '00'}`,
      sender,
      text: media ? [] : [text],
      media,
      raw: line.slice(0, 40),
    };
    chars = text.length;
    raws.push(current);
  }
  const order = decideOrder(raws, opts.dateOrder);
  const messages: WhatsAppMessage[] = [];
  for (const r of raws) {
    const [day, month] = r.dotted || order === 'dmy' ? [r.a, r.b] : [r.b, r.a];
    if (!validDay(r.year, month, day)) {
      fail(`line ${r.line}: not a date (read ${order === 'dmy' ? 'day-first' : 'month-first'}): ${r.raw}`);
      continue;
    }
    const text = opts.keepText && !r.media ? r.text.join('\n').trim().slice(0, MAX_MESSAGE_CHARS) : null;
    messages.push({
      line: r.line,
      day: `${r.year}-${pad(month)}-${pad(day)}`,
      time: r.time,
      sender: r.sender,
      text: text || null,
    });
  }
  return { messages, errors, malformed, system, order };
}

function decideOrder(raws: readonly RawMessage[], given: ChatDateOrder | undefined): ChatDateOrder {
  const slashed = raws.filter((r) => !r.dotted);
  const dayFirst = slashed.find((r) => r.a > 12 && r.b <= 12);
  const monthFirst = slashed.find((r) => r.b > 12 && r.a <= 12);
  if (dayFirst && monthFirst && !given)
    throw new Invalid(
      `line ${dayFirst.line} reads day-first and line ${monthFirst.line} month-first; give dateOrder (dmy or mdy)`,
      'dateOrder',
    );
  const proof = dayFirst ?? monthFirst;
  const found: ChatDateOrder | undefined = dayFirst ? 'dmy' : monthFirst ? 'mdy' : undefined;
  if (given && found && given !== found && !(dayFirst && monthFirst))
    throw new Invalid(
      `dateOrder is ${given}, but line ${proof?.line} can only be ${found} (${proof?.raw})`,
      'dateOrder',
    );
  if (given) return given;
  if (found) return found;
  if (slashed.length === 0) return 'dmy';
  throw new Invalid(
    `every date in this chat reads both ways (${slashed[0]?.raw ?? ''} …): give dateOrder, dmy (day first) or mdy (month first)`,
    'dateOrder',
  );
}
