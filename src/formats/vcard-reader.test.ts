import { describe, expect, it } from 'vitest';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture';
import type { ImportRow } from './imported-contact';
import { readVCards, vcardRows } from './vcard-reader';

const contactOf = (row: ImportRow | undefined) => {
  if (!row || !('contact' in row)) throw new Error(`expected a contact, got ${JSON.stringify(row)}`);
  return row.contact;
};
async function* linesOf(text: string) {
  yield* text.split('\n');
}

describe('readVCards', () => {
  it('reads vCard 2.1 quoted-printable with soft breaks, charsets and bare TYPE params', async () => {
    const rows = await collect(readVCards(fixtureStream('vcard21-qp.vcf')));
    expect(contactOf(rows[0])).toEqual({
      firstName: 'Jürgen',
      lastName: 'Müller',
      emails: [{ value: 'juergen@example.de', label: 'home' }],
      phones: [
        { value: '+49 151 2345678', label: 'mobile' },
        { value: '+49 30 1234567', label: 'work' },
      ],
      links: [],
      company: 'Straßenbau GmbH',
      notes:
        'Erste Zeile\nZweite Zeile mit einem sehr langen Text, der weich umbrochen wird und äöü enthält.',
      birthday: { year: 1980, month: 4, day: 12 },
      tags: [],
    });
    expect(contactOf(rows[1])).toMatchObject({ firstName: 'François', lastName: 'Dupont' });
  });

  it('reads an iPhone 3.0 card: item groups, X-ABLabel, folded base64 photo, omitted year', async () => {
    const [row] = await collect(readVCards(fixtureStream('iphone30.vcf', 5)));
    const c = contactOf(row);
    expect(c).toMatchObject({
      firstName: 'Johnny',
      lastName: 'Appleseed',
      company: 'Apple Inc.',
      title: 'Orchardist',
      city: 'Cupertino',
      country: 'United States',
      birthday: { month: 4, day: 12 },
      anniversary: { year: 2001, month: 9, day: 15 },
      notes: 'Planted trees\nall over Ohio, Indiana; Illinois.',
      tags: ['Friends', 'Garden'],
    });
    expect(c.birthday).not.toHaveProperty('year');
    expect(c.emails).toEqual([
      { value: 'johnny@apple.example', label: 'work' },
      { value: 'johnny.personal@example.com', label: 'other' },
    ]);
    expect(c.phones).toEqual([
      { value: '(408) 555-0100', label: 'mobile' },
      { value: '+1 408 555 0111', label: 'orchard hotline' },
    ]);
    expect(c.links).toEqual([
      { kind: 'linkedin', url: 'https://www.linkedin.com/in/johnny-appleseed/' },
      { kind: 'twitter', url: 'http://twitter.com/johnny' },
    ]);
    expect(c.photo?.mediaType).toBe('image/png');
    expect(
      Buffer.from(c.photo?.base64 ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('reads vCard 4.0: escapes, TEL uri, URL types, ADR, IANA TZ, no-year BDAY, data-URI photo', async () => {
    const rows = await collect(readVCards(fixtureStream('vcard40.vcf')));
    expect(contactOf(rows[0])).toMatchObject({
      firstName: 'Katherine',
      lastName: 'Johnson',
      emails: [{ value: 'katherine@nasa.example', label: 'work' }],
      phones: [{ value: '+1-757-555-0123', label: 'mobile' }],
      company: 'NASA, Langley',
      title: 'Research Mathematician',
      links: [
        { kind: 'linkedin', url: 'https://www.linkedin.com/in/katherine-johnson' },
        { kind: 'github', url: 'https://github.com/kjohnson' },
      ],
      city: 'Hampton',
      country: 'USA',
      timeZone: 'America/New_York',
      birthday: { month: 8, day: 26 },
      anniversary: { year: 1939, month: 1, day: 1 },
      notes: 'Line one\nLine two, with comma; and semicolon \\ backslash',
      tags: ['mentor', 'space'],
      photo: { mediaType: 'image/png' },
    });
    const mono = contactOf(rows[1]);
    expect(mono).toMatchObject({ firstName: 'Mononym', lastName: '' });
    expect(mono).not.toHaveProperty('timeZone');
    expect(contactOf(rows[2]).firstName).toBe("<script>alert('x')</script>");
  });

  it('reports a truncated card, keeps a card with a bad date (warning), and yields the others', async () => {
    const rows = await collect(readVCards(fixtureStream('truncated.vcf')));
    expect(rows).toEqual([
      { line: 1, contact: expect.objectContaining({ firstName: 'First', lastName: 'One' }) },
      { line: 6, error: 'card at line 6: no END:VCARD before the next BEGIN:VCARD' },
      {
        line: 10,
        contact: { firstName: 'Third', lastName: 'Three', emails: [], phones: [], links: [], tags: [] },
        warnings: ["card at line 10: 'BDAY' is not a date: 1980-13-45; left out"],
      },
      { line: 15, error: 'card at line 15: the file ends before END:VCARD' },
    ]);
  });

  it('unfolds lines split inside a multi-byte character and names cards with no name', async () => {
    const text =
      'BEGIN:VCARD\nVERSION:4.0\nFN:Zo\n ë Ça\n\tvez\nEND:VCARD\nBEGIN:VCARD\nEMAIL:a@b.c\nEND:VCARD';
    const rows = await collect(vcardRows(linesOf(text)));
    expect(contactOf(rows[0])).toMatchObject({ firstName: 'Zoë', lastName: 'Çavez' });
    expect(rows[1]).toEqual({ line: 7, error: 'card at line 7: no name (N and FN are empty)' });
  });

  it('drops an oversized photo but keeps the contact', async () => {
    const big = 'A'.repeat(5 * 1024 * 1024);
    const text = `BEGIN:VCARD\nFN:Big Photo\nPHOTO;ENCODING=b;TYPE=JPEG:${big}\nEND:VCARD`;
    const [row] = await collect(vcardRows(linesOf(text)));
    expect(contactOf(row)).not.toHaveProperty('photo');
    expect(row).toMatchObject({
      warnings: ['card at line 1: the photo at line 3 is larger than about 3 MB; the photo was skipped'],
    });
  });

  it('drops an oversized vCard 2.1 photo (base64 lines without indentation) with a warning', async () => {
    const lines = Array.from({ length: 70_000 }, () => 'A'.repeat(76)).join('\n');
    const text = `BEGIN:VCARD\nVERSION:2.1\nFN:Big Photo\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/\n${lines}\n\nEMAIL:big@example.com\nEND:VCARD`;
    const [row] = await collect(vcardRows(linesOf(text)));
    expect(contactOf(row)).not.toHaveProperty('photo');
    expect(contactOf(row).emails).toEqual([{ value: 'big@example.com' }]);
    expect(row).toMatchObject({
      warnings: [expect.stringMatching(/larger than about 3 MB; the photo was skipped/)],
    });
  });

  it('warns about a photo that is not an image, and keeps the contact', async () => {
    const text = 'BEGIN:VCARD\nFN:Odd Photo\nPHOTO;ENCODING=b;TYPE=JPEG:AAAAAAAA\nEND:VCARD';
    const [row] = await collect(vcardRows(linesOf(text)));
    expect(contactOf(row)).not.toHaveProperty('photo');
    expect(row).toMatchObject({
      warnings: [expect.stringMatching(/not a JPEG, PNG, GIF or WebP image; the photo was skipped/)],
    });
  });
});
