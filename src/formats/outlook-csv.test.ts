import { describe, expect, it } from 'vitest';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture.js';
import { readOutlookCsv } from './outlook-csv.js';

describe('readOutlookCsv', () => {
  it('reads a Windows-1252 export with accents, phones, e-mails, birthday and categories', async () => {
    const rows = await collect(readOutlookCsv(fixtureStream('outlook-1252.csv'), { order: 'mdy' }));
    expect(rows[0]).toEqual({
      line: 2,
      contact: {
        firstName: 'Renée',
        lastName: 'Dubois',
        emails: [{ value: 'renee@example.fr' }, { value: 'r.dubois@example.com' }],
        phones: [
          { value: '+33 6 12 34 56 78', label: 'mobile' },
          { value: '+33 1 98 76 54 32', label: 'work' },
          { value: '+33 1 23 45 67 89', label: 'home' },
        ],
        links: [],
        company: 'Société Générale',
        title: 'Directrice',
        city: 'Paris',
        country: 'France',
        birthday: { year: 1980, month: 4, day: 12 },
        notes: 'Prix: 5 €',
        tags: ['Clients', 'VIP'],
      },
    });
    expect(rows[1]).toMatchObject({ contact: { firstName: 'Jürgen', lastName: 'Grüber' } });
    expect(rows[1]).not.toHaveProperty('contact.birthday');
    expect(rows[2]).toMatchObject({
      line: 4,
      contact: { firstName: 'Bad', lastName: 'Birthday' },
      warnings: ["row 4: 'Birthday' is not a date: 13/45/1980; left out"],
    });
  });

  it('reads a semicolon-delimited export', async () => {
    const rows = await collect(readOutlookCsv(fixtureStream('outlook-semicolon.csv')));
    expect(rows).toMatchObject([
      {
        contact: {
          firstName: 'Hans',
          lastName: 'Müller',
          notes: 'Notiz; mit Semikolon',
          tags: ['Kunden', 'Freunde'],
          links: [{ kind: 'website', url: 'https://example.de' }],
          city: 'Berlin',
        },
      },
    ]);
  });
});
