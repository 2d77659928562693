import type { Draft } from '@contract/drafts';
import { deepLinks } from '@contract/drafts';

type Links = Draft['links'];

/**
 * The server's links carry the draft as composed; once the user edits it, the same addresses get
 * the edited text (the addresses are read back out of the links, so the web never needs them apart).
 */
export function relink(links: Links, text: { subject?: string; body: string }): Links {
  const address = links.mailto?.slice('mailto:'.length).split('?')[0];
  return deepLinks(
    {
      email: address ? decodeURIComponent(address) : null,
      phoneE164: links.tel?.slice('tel:'.length) ?? null,
      linkedinUrl: links.linkedin,
    },
    text,
  );
}

/** The body a `mailto:` link would put in the new message, for checks and tests. */
export function mailtoBody(mailto: string): string | undefined {
  const query = mailto.split('?')[1] ?? '';
  const part = query.split('&').find((p) => p.startsWith('body='));
  return part === undefined ? undefined : decodeURIComponent(part.slice(5)).replace(/\r\n/g, '\n');
}
