import { describe, expect, it } from 'vitest';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture.js';
import { readGoogleCsv, splitName } from './google-csv.js';

describe('readGoogleCsv', () => {
  it('reads numbered e-mails and phones, ::: lists, labels, birthday, notes and events', async () => {
    const rows = await collect(readGoogleCsv(fixtureStream('google-contacts.csv')));
    expect(rows[0]).toEqual({
      line: 2,
      contact: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [
          { value: 'ada@example.com', label: 'home' },
          { value: 'ada.l@example.org', label: 'home' },
          { value: 'ada@engines.example', label: 'work' },
        ],
        phones: [
          { value: '+44 20 7946 0018', label: 'mobile' },
          { value: '+44 20 7946 0019', label: 'work' },
        ],
        links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ada-lovelace/' }],
        company: 'Analytical Engines Ltd',
        title: 'Chief Mathematician',
        city: 'London',
        country: 'United Kingdom',
        birthday: { year: 1815, month: 12, day: 10 },
        anniversary: { year: 1835, month: 7, day: 8 },
        notes: 'Met at the Royal Society.\nLoves poetry.',
        tags: ['Friends', 'starred'],
      },
    });
    expect(rows[1]).toMatchObject({
      contact: { birthday: { month: 12, day: 9 }, tags: [], links: [{ kind: 'website' }], country: 'USA' },
    });
    // An unreadable birthday costs the birthday, not the person.
    expect(rows[2]).toMatchObject({
      line: 5,
      contact: { firstName: 'Nobirth', lastName: 'Person', emails: [{ value: 'np@example.com' }] },
      warnings: ["row 5: 'Birthday' is not a date: not a date; left out"],
    });
    expect(rows[2]).not.toHaveProperty('contact.birthday');
    // No name at all: the e-mail address stands in for it.
    expect(rows[3]).toMatchObject({ line: 6, contact: { firstName: 'orphan@example.com', company: 'Acme' } });
  });

  it('reads the legacy layout (Given Name, Group Membership, Organization 1 - Name)', async () => {
    const rows = await collect(readGoogleCsv(fixtureStream('google-contacts-legacy.csv')));
    expect(rows).toMatchObject([
      {
        contact: {
          firstName: 'Linus',
          lastName: 'Torvalds',
          emails: [{ value: 'linus@example.org', label: 'work' }],
          phones: [{ value: '+1 503 555 0100', label: 'mobile' }],
          company: 'Linux Foundation',
          title: 'Fellow',
          birthday: { month: 4, day: 12 },
          tags: ['Kernel'],
        },
      },
    ]);
  });

  it('splits a full name on its last word', () => {
    expect(splitName(' Ada  King Lovelace ')).toEqual(['Ada King', 'Lovelace']);
    expect(splitName('Cher')).toEqual(['Cher', '']);
  });
});
