import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactLike } from './imported-contact';
import { cardLines, mergeCard, readOneCard } from './vcard-merge';

const CLIENT_CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iOS 17.0//EN',
  'UID:abc-1',
  'N:Lovelace;Ada;;;',
  'FN:Ada Lovelace',
  'item1.EMAIL;type=INTERNET;type=pref:ada@example.com',
  'item1.X-ABLabel:_$!<Home>!$_',
  'TEL;type=CELL;type=VOICE;type=pref:+44 20 7946 0000',
  'ORG:Analytical Engines;R&D',
  'TITLE:Programmer',
  'ADR;type=HOME;type=pref:;;12 St James Sq;London;;SW1Y 4JH;UK',
  'X-SOCIALPROFILE;type=twitter:https://twitter.com/ada',
  'X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Countess;1;;;;;;;;;;;;;',
  'IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:ada.l',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a',
  ' HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAA',
  'END:VCARD',
  '',
].join('\r\n');

async function contactOf(body: string): Promise<ContactLike> {
  const c = await readOneCard(body);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

describe('mergeCard', () => {
  it('gives back the client card line for line when nothing changed', async () => {
    const merged = await mergeCard(await contactOf(CLIENT_CARD), CLIENT_CARD, { uid: 'x' });
    expect(merged).toBe(CLIENT_CARD);
  });

  it('rewrites only the changed field and keeps every other line byte-for-byte', async () => {
    const c = await contactOf(CLIENT_CARD);
    const merged = await mergeCard(
      { ...c, title: 'Countess', phones: [{ value: '+44 1', label: 'work' }] },
      CLIENT_CARD,
      {
        uid: 'x',
      },
    );
    expect(merged).toContain('TITLE:Countess\r\n');
    expect(merged).toContain('TEL;TYPE=work:+44 1\r\n');
    expect(merged).not.toContain('Programmer');
    expect(merged).not.toContain('7946');
    const kept = cardLines(CLIENT_CARD).filter((l) => l.name !== 'TITLE' && l.name !== 'TEL');
    for (const l of kept) expect(merged).toContain(l.raw);
  });

  it('drops the Apple label with its e-mail when the e-mail goes', async () => {
    const c = await contactOf(CLIENT_CARD);
    const merged = await mergeCard({ ...c, emails: [] }, CLIENT_CARD, { uid: 'x' });
    expect(merged).not.toContain('item1.');
    expect(merged).toContain('X-ANDROID-CUSTOM');
  });

  const text = fc
    .string({ minLength: 1, maxLength: 20 })
    .map((s) => s.replace(/[\r\n\\;,:]/g, '').trim() || 'x');
  const contact = fc.record({
    firstName: text,
    lastName: text,
    emails: fc.array(fc.record({ value: fc.emailAddress(), label: fc.constantFrom('work', 'home') }), {
      maxLength: 3,
    }),
    phones: fc.array(
      fc.record({ value: fc.stringMatching(/^\+[1-9]\d{6,12}$/), label: fc.constantFrom('mobile', 'work') }),
      { maxLength: 3 },
    ),
    company: text,
    title: text,
    notes: fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.replace(/\r/g, '').trim() || 'n'),
    tags: fc.uniqueArray(text, { maxLength: 4, selector: (t) => t.toLowerCase() }),
    birthday: fc.record({
      year: fc.integer({ min: 1900, max: 2020 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    }),
  });

  it('round-trips any contact through a fresh card and through a merge with itself', async () => {
    await fc.assert(
      fc.asyncProperty(
        contact,
        fc.constantFrom('3.0', '4.0') as fc.Arbitrary<'3.0' | '4.0'>,
        async (c, version) => {
          const body = await mergeCard(c, undefined, { uid: 'u-1', version });
          const back = await contactOf(body);
          expect(back).toMatchObject({
            firstName: c.firstName,
            lastName: c.lastName,
            emails: c.emails,
            phones: c.phones,
            company: c.company,
            title: c.title,
            notes: c.notes,
            birthday: c.birthday,
          });
          expect((back.tags ?? []).map((t) => t.toLowerCase()).sort()).toEqual(
            c.tags.map((t) => t.toLowerCase()).sort(),
          );
          expect(await mergeCard(back, body, { uid: 'u-1' })).toBe(body);
        },
      ),
      { numRuns: 150 },
    );
  });
});
