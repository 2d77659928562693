import type { Direction } from './vocabulary';

/** One chat message as the rules see it: its local day and time as written, and who wrote it. */
export interface ChatMessage {
  /** YYYY-MM-DD in the exporting phone's calendar. */
  day: string;
  /** HH:MM:SS, 24-hour. */
  time: string;
  direction: Direction;
  /** The message text, or null (a photo, or bodies not kept). */
  text: string | null;
}

/** The messages of one day in one direction: one interaction. */
export interface ChatDay {
  day: string;
  direction: Direction;
  /** The time of the day's first message in this direction (HH:MM:SS). */
  first: string;
  messages: number;
  /** The day's texts joined by new lines, at most `maxChars` long; '' when none were kept. */
  text: string;
}

/** The idempotency key of a chat day: the same day and direction of one chat is captured once. */
export function chatDayKey(day: Pick<ChatDay, 'day' | 'direction'>): string {
  return `${day.day}/${day.direction}`;
}

/**
 * Groups chat messages into one entry per day and direction (F30), in day order, inbound first on
 * a tie. Texts are bounded so that a day of a thousand messages is not a megabyte of summary.
 */
export function groupChatDays(messages: Iterable<ChatMessage>, maxChars: number): ChatDay[] {
  const groups = new Map<string, ChatDay & { parts: string[]; chars: number }>();
  for (const m of messages) {
    const key = chatDayKey(m);
    let g = groups.get(key);
    if (!g) {
      g = { day: m.day, direction: m.direction, first: m.time, messages: 0, text: '', parts: [], chars: 0 };
      groups.set(key, g);
    }
    g.messages++;
    if (m.time < g.first) g.first = m.time;
    if (m.text && g.chars < maxChars) {
      g.parts.push(m.text);
      g.chars += m.text.length + 1;
    }
  }
  return [...groups.values()]
    .map(({ parts, chars: _chars, ...g }) => ({ ...g, text: parts.join('\n').slice(0, maxChars) }))
    .sort((a, b) =>
      a.day === b.day
        ? a.direction === b.direction
          ? 0
          : a.direction === 'inbound'
            ? -1
            : 1
        : a.day < b.day
          ? -1
          : 1,
    );
}
