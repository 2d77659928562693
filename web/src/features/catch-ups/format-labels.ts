import type { CatchUpFormat } from '@contract/catch-ups';

export const FORMAT_LABELS = {
  virtual_coffee: 'Virtual coffee',
  lunch: 'Lunch',
  walk: 'Walk',
  conference: 'At a conference',
} satisfies Record<CatchUpFormat, string>;

export const FORMAT_OPTIONS = Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }));

export const isCatchUpFormat = (value: string | null): value is CatchUpFormat =>
  value !== null && Object.hasOwn(FORMAT_LABELS, value);

/** Only the server's own invitation path is linked; anything else in the field is not followed. */
export function invitationHref(url: string): string | undefined {
  return url.startsWith('/api/v1/') && !url.startsWith('//') ? url : undefined;
}
