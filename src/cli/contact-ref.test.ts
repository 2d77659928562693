import { describe, expect, it } from 'vitest';
import type { Contact } from '../contract/contacts';
import { matchName } from './contact-ref';

const person = (id: string, firstName: string, lastName: string) =>
  ({ id, firstName, lastName, displayName: `${firstName} ${lastName}`.trim() }) satisfies Partial<Contact>;

describe('matchName', () => {
  const people = [
    person('1', 'Grace', 'Hopper'),
    person('2', 'Grace', 'Kelly'),
    person('3', 'Ada', 'Lovelace'),
  ];
  const ids = (name: string) => matchName(people as Contact[], name).map((c) => c.id);

  it('matches the full name, ignoring case and extra spaces', () => {
    expect(ids('  grace   HOPPER ')).toEqual(['1']);
  });

  it('falls back to the first name, which may match several', () => {
    expect(ids('Ada')).toEqual(['3']);
    expect(ids('Grace')).toEqual(['1', '2']);
  });

  it('does not match a part of a name', () => {
    expect(ids('Hop')).toEqual([]);
  });
});
