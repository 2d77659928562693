import type { Contact } from '@contract/contacts';
import { Avatar } from '@mantine/core';
import { photoUrl } from './photo-queries';

/** Up to two letters of the name, shown when there is no photo or it cannot load. */
export function initialsOf(c: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [c.firstName, c.lastName]
    .map((part) => [...part.trim()][0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * The contact's photo, or their initials. Decorative (alt ""): the name is always written beside it.
 * Lazy, so a long list loads only the photos on screen.
 */
export function ContactAvatar({
  contact: c,
  size = 36,
}: {
  contact: Pick<Contact, 'id' | 'firstName' | 'lastName' | 'photoHash'>;
  size?: number;
}) {
  return (
    <Avatar
      src={c.photoHash ? photoUrl(c.id, c.photoHash) : null}
      alt=""
      size={size}
      radius={size}
      color="teal"
      imageProps={{ loading: 'lazy', decoding: 'async' }}
      aria-hidden
    >
      {initialsOf(c)}
    </Avatar>
  );
}
