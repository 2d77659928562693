import { escapeHtml } from './outbox-policy';

export interface DigestItem {
  contactId: string;
  name: string;
  headline: string;
  reasons: string[];
}

export interface DigestInput {
  /** The user's local date, YYYY-MM-DD, and how to say it ("Tuesday 10 March"). */
  localDate: string;
  dateLabel: string;
  items: DigestItem[];
  /** How many more are waiting beyond today's size. */
  moreCount: number;
  publicUrl: string;
}

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

function base(url: string): string {
  return url.replace(/\/+$/, '');
}

/** F24: today's queue as a plain-text and a simple HTML e-mail; every user-provided string is escaped in the HTML. */
export function digestEmail(input: DigestInput): DigestEmail {
  const root = base(input.publicUrl);
  const people = input.items.length === 1 ? '1 person' : `${input.items.length} people`;
  const subject = `Today in Tend: ${people} to reach out to (${input.dateLabel})`;
  const contactUrl = (id: string) => `${root}/contacts/${encodeURIComponent(id)}`;
  const more =
    input.moreCount > 0 ? `${input.moreCount} more ${input.moreCount === 1 ? 'is' : 'are'} waiting.` : '';

  const text = [
    `${input.dateLabel}: ${people} today.`,
    '',
    ...input.items.flatMap((item, i) => [
      `${i + 1}. ${item.name} — ${item.headline}`,
      ...item.reasons.map((r) => `   - ${r}`),
      `   ${contactUrl(item.contactId)}`,
      '',
    ]),
    ...(more ? [more, ''] : []),
    `Open Today: ${root}/today`,
    `Turn this e-mail off: ${root}/settings`,
  ].join('\n');

  const e = escapeHtml;
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"></head><body>',
    `<p>${e(input.dateLabel)}: ${e(people)} today.</p>`,
    '<ol>',
    ...input.items.map(
      (item) =>
        `<li><p><a href="${e(contactUrl(item.contactId))}"><strong>${e(item.name)}</strong></a> — ${e(item.headline)}</p>` +
        `<ul>${item.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul></li>`,
    ),
    '</ol>',
    ...(more ? [`<p>${e(more)}</p>`] : []),
    `<p><a href="${e(`${root}/today`)}">Open Today</a> · <a href="${e(`${root}/settings`)}">Turn this e-mail off</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
