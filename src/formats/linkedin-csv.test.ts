import { describe, expect, it } from 'vitest';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture.js';
import { bytesSource } from './decode.js';
import { readLinkedInCsv } from './linkedin-csv.js';

describe('readLinkedInCsv', () => {
  it('reads the export with its BOM, Notes preamble and CRLF', async () => {
    const rows = await collect(readLinkedInCsv(fixtureStream('linkedin-connections.csv')));
    expect(rows.map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(rows[0]).toEqual({
      line: 5,
      contact: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ value: 'ada@example.com' }],
        phones: [],
        links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ada-lovelace' }],
        company: 'Analytical Engines Ltd',
        title: 'Chief Mathematician',
        tags: [],
        connectedOn: '2024-03-12',
      },
    });
    expect(rows[1]).toMatchObject({
      contact: { emails: [], title: 'Rear Admiral, Computing', connectedOn: '2023-02-01' },
    });
    expect(rows[2]).toMatchObject({ contact: { connectedOn: '2019-06-23' } });
  });

  it('turns a bad date into a warning on the kept contact, an empty first name into a row error', async () => {
    const rows = await collect(readLinkedInCsv(fixtureStream('linkedin-connections.csv')));
    expect(rows[3]).toMatchObject({
      line: 8,
      contact: { firstName: 'Bad', lastName: 'Date' },
      warnings: ["row 8: 'Connected On' is not a date: 31/02/2024; left out"],
    });
    expect(rows[4]).toEqual({ line: 9, error: 'row 9: the first name is empty', name: 'NoFirst' });
  });

  it('passes markup through as plain text and keeps multi-line and accented cells', async () => {
    const rows = await collect(readLinkedInCsv(fixtureStream('linkedin-connections.csv', 1)));
    expect(rows[5]).toMatchObject({
      contact: {
        firstName: '<script>alert(1)</script>',
        lastName: `O'Brien "The Hacker"`,
        company: '=HYPERLINK("http://evil")',
      },
    });
    expect(rows[6]).toMatchObject({
      contact: { firstName: 'Zoë', lastName: 'Çelik', title: 'Lead\nBarista' },
    });
  });

  it('reads a UTF-16 LE export with no preamble', async () => {
    const rows = await collect(readLinkedInCsv(fixtureStream('linkedin-utf16le.csv')));
    expect(rows).toMatchObject([
      { line: 2, contact: { firstName: 'Åsa', lastName: 'Öberg', connectedOn: '2022-01-03' } },
    ]);
  });

  it('rejects a file without the LinkedIn header', async () => {
    await expect(collect(readLinkedInCsv(fixtureStream('not-contacts.csv')))).rejects.toThrow(/No LinkedIn/);
  });
});

describe('readLinkedInCsv with hostile rows', () => {
  it('refuses a 10,000-column row and an over-long cell, and keeps the rows around them', async () => {
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,,,,,12 Mar 2024',
      Array(10_000).fill('x').join(','),
      `Big,Cell,,,${'c'.repeat(70_000)},,`,
      'Grace,Hopper,,,,,1 Feb 2023',
    ].join('\r\n');
    const rows = await collect(readLinkedInCsv(bytesSource(new TextEncoder().encode(text))));
    expect(rows).toEqual([
      expect.objectContaining({ line: 2 }),
      { line: 3, error: 'row 3: more than 500 columns' },
      { line: 4, error: 'row 4: column 5 is longer than 65536 characters' },
      expect.objectContaining({ line: 5, contact: expect.objectContaining({ firstName: 'Grace' }) }),
    ]);
  });

  it('turns rows written with another delimiter than the header into row errors, not names', async () => {
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada;Lovelace;;;;;12 Mar 2024',
      'Grace',
    ].join('\n');
    const rows = await collect(readLinkedInCsv(bytesSource(new TextEncoder().encode(text))));
    expect(rows).toEqual([
      {
        line: 2,
        error: 'row 2: 1 column where the header has 7; the row seems to use another delimiter than ","',
      },
      // A lone first name is still a row.
      expect.objectContaining({ line: 3, contact: expect.objectContaining({ firstName: 'Grace' }) }),
    ]);
  });
});
