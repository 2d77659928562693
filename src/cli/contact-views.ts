import type { Contact } from '../contract/contacts';
import type { Interaction } from '../contract/interactions';
import type { TimelineEntry } from '../contract/timeline';
import { formatDate, renderDetails, renderTable } from './format';

const COLUMNS = [
  { header: 'NAME', min: 10 },
  { header: 'COMPANY' },
  { header: 'TITLE' },
  { header: 'CIRCLE' },
  { header: 'LAST CONTACT', min: 10 },
  { header: 'NEXT DUE', min: 10 },
  { header: 'HEALTH', min: 6 },
];

/** The list/search table: one row per contact, fitted to `width`. */
export function contactTable(
  contacts: Contact[],
  circles: Map<string, string>,
  width: number,
  zone?: string,
): string {
  if (contacts.length === 0) return 'No contacts.';
  const rows = contacts.map((c) => [
    c.displayName,
    c.company ?? '',
    c.title ?? '',
    c.circleId ? (circles.get(c.circleId) ?? c.circleId) : '',
    formatDate(c.lastInteractionAt, zone),
    c.tracked ? formatDate(c.nextDueAt, zone) : 'not tracked',
    c.healthScore === null ? 'no history' : String(c.healthScore),
  ]);
  return renderTable(COLUMNS, rows, width);
}

/** `contacts show`: every filled-in field, one per line. */
export function contactDetails(c: Contact, circleName: string | undefined, zone?: string): string {
  const place = [c.city, c.country].filter(Boolean).join(', ');
  return renderDetails([
    ['Name', c.displayName],
    ['Id', c.id],
    ['Company', c.company],
    ['Title', c.title],
    ['Circle', c.circleId ? (circleName ?? c.circleId) : null],
    ['E-mail', c.emails.map((e) => (e.label ? `${e.value} (${e.label})` : e.value)).join(', ')],
    ['Phone', c.phones.map((p) => (p.label ? `${p.value} (${p.label})` : p.value)).join(', ')],
    ['Links', c.links.map((l) => l.url).join(', ')],
    ['Place', place],
    ['Time zone', c.timeZone],
    ['Tags', c.tags.join(', ')],
    ['Met', [c.metOn, c.howMet].filter(Boolean).join(' - ')],
    ['Last contact', c.lastInteractionAt ? formatDate(c.lastInteractionAt, zone) : 'never'],
    ['Next due', c.tracked ? formatDate(c.nextDueAt, zone) : 'not tracked'],
  ]);
}

const ARROW = { outbound: '→', inbound: '←' } as const;

/** One line per timeline entry: date, what, and its text. */
export function timelineLines(entries: TimelineEntry[], zone?: string): string[] {
  return entries.map((e) => {
    const day = formatDate(e.at, zone);
    if (e.type === 'interaction') return `${day}  ${interactionText(e)}`;
    if (e.type === 'note') return `${day}  note: ${e.body.split('\n')[0]}`;
    return `${day}  ${e.kind.replaceAll('_', ' ')}: ${e.title}`;
  });
}

/** `→ email  Talked about the book [books, career] (awaiting reply)` */
export function interactionText(i: Interaction): string {
  const details = interactionDetails(i);
  return `${ARROW[i.direction]} ${i.channel}${details ? `  ${details}` : ''}`;
}

/** The summary's first line, the topics and whether a reply is awaited. */
export function interactionDetails(i: Interaction): string {
  const topics = i.topics.length ? `[${i.topics.join(', ')}]` : '';
  const waiting = i.awaitingReply ? '(awaiting reply)' : '';
  return [i.summary.split('\n')[0], topics, waiting].filter(Boolean).join(' ');
}
