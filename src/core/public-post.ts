import type { LifeEventKind } from './vocabulary.js';

/** LinkedIn's limit for a post's text. */
export const LINKEDIN_POST_MAX = 3000;

/**
 * LinkedIn's share dialog with the text filled in (the feed's `shareActive` form; the offsite
 * sharer only takes a URL). Nothing is posted until the user presses Post there.
 */
export function linkedInShareUrl(text: string): string {
  return `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(text.slice(0, LINKEDIN_POST_MAX))}`;
}

// What the win is called in a sentence about someone else.
const WIN_WORDS: Record<LifeEventKind, string> = {
  promotion: 'promotion',
  new_job: 'new job',
  new_role: 'new role',
  product_launch: 'launch',
  award: 'award',
  move: 'move',
  challenge: 'news',
  other: 'news',
};

/**
 * F10/F11 "celebrate publicly": a short congratulation post naming the person and the win, in
 * the user's voice; the user edits it before posting. Challenges are never celebrated in public.
 */
export function congratulationPost(input: {
  name: string;
  kind: LifeEventKind;
  title: string;
  company?: string | null;
}): string | null {
  if (input.kind === 'challenge') return null;
  const at = input.company ? ` at ${input.company}` : '';
  const title = input.title.trim().replace(/[.!]+$/, '');
  const first = `Congratulations to ${input.name} on the ${WIN_WORDS[input.kind]}${at}: ${title}!`;
  return `${first}\n\nI have seen first-hand how much care goes into their work, and this is well deserved. Looking forward to what comes next.`;
}
