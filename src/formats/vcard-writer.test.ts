import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../test/fixtures/imports/fixture.js';
import type { ImportedContact, ImportRow } from './imported-contact.js';
import { vcardRows } from './vcard-reader.js';
import { writeVCard, writeVCards } from './vcard-writer.js';

async function* linesOf(text: string) {
  yield* text.split(/\r\n/);
}
async function readBack(text: string): Promise<ImportRow[]> {
  return collect(vcardRows(linesOf(text)));
}

const full: ImportedContact = {
  firstName: 'Zoë; "Z"',
  lastName: 'Çelik, Jr.',
  emails: [
    { value: 'zoe@example.com', label: 'work' },
    { value: 'z@example.org', label: 'home' },
  ],
  phones: [{ value: '+90 212 555 0101', label: 'mobile' }],
  links: [
    { kind: 'linkedin', url: 'https://www.linkedin.com/in/zoe' },
    { kind: 'website', url: 'https://zoe.example' },
    { kind: 'other', url: 'https://mastodon.example/@zoe' },
  ],
  company: 'Café; Ltd',
  title: 'Head of Things, Europe',
  industry: 'Hospitality',
  city: 'İstanbul',
  country: 'Türkiye',
  timeZone: 'Europe/Istanbul',
  notes: `Line 1\nLine 2 with \\ and ; and , — ${'long '.repeat(40).trim()}`,
  tags: ['friend', 'coffee, tea'],
  connectedOn: '2021-05-04',
  birthday: { month: 2, day: 29 },
  anniversary: { year: 2010, month: 6, day: 1 },
  photo: { mediaType: 'image/png', base64: 'iVBORw0KGgo'.repeat(20) },
};

describe('writeVCard', () => {
  it.each(['4.0', '3.0'] as const)(
    'round-trips every field through the reader (vCard %s)',
    async (version) => {
      const text = writeVCard(full, { version, uid: 'c-1' });
      expect(text.startsWith(`BEGIN:VCARD\r\nVERSION:${version}\r\nUID:c-1\r\n`)).toBe(true);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(await readBack(text)).toEqual([{ line: 1, contact: { uid: 'c-1', ...full } }]);
    },
  );

  it('writes no-year dates in each version', () => {
    expect(writeVCard({ firstName: 'A', lastName: '', birthday: { month: 4, day: 12 } })).toContain(
      'BDAY:--0412\r\n',
    );
    expect(
      writeVCard({ firstName: 'A', lastName: '', birthday: { month: 4, day: 12 } }, { version: '3.0' }),
    ).toContain('BDAY:--04-12\r\n');
  });

  it('round-trips names and notes with unicode, commas, semicolons, backslashes and newlines', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', ';', ':', '\\', '\n', '"', 'é', '中', '😀', '=', 'n'),
      maxLength: 120,
    });
    const name = text.map((s) => s.trim()).filter((s) => s.length > 0);
    await fc.assert(
      fc.asyncProperty(name, text, text, async (firstName, lastName, notes) => {
        const contact = { firstName, lastName: lastName.trim(), notes };
        const [row] = await readBack(writeVCard(contact));
        expect(row).toMatchObject({ contact: { firstName, lastName: lastName.trim() } });
        const read = row && 'contact' in row ? row.contact.notes : undefined;
        expect(read ?? '').toBe(notes.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('streams several cards with their ids as UIDs', async () => {
    const out = await collect(
      writeVCards([
        { id: 'u1', firstName: 'A', lastName: 'B' },
        { firstName: 'C', lastName: '' },
      ]),
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('UID:u1');
    expect(out[1]).not.toContain('UID');
  });
});
