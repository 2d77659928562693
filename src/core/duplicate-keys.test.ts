import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRow } from './classify-import';
import {
  buildDedupeIndex,
  contactChanges,
  type DedupeContact,
  emailKey,
  foldText,
  linkedinKey,
  nameCompanyKey,
  PHOTO_CHANGE,
  phoneKey,
} from './duplicate-keys';

const aContact = (over: Partial<DedupeContact> = {}): DedupeContact => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  emails: [],
  phones: [],
  links: [],
  tags: [],
  ...over,
});

describe('dedupe keys', () => {
  it('normalises e-mails', () => {
    expect(emailKey('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(emailKey('not an email')).toBeUndefined();
  });

  it('canonicalises LinkedIn profile URLs', () => {
    for (const url of [
      'https://www.linkedin.com/in/Ada-Lovelace/',
      'http://uk.linkedin.com/in/ada-lovelace?trk=abc',
      'linkedin.com/in/ada-lovelace',
      'https://www.linkedin.com/in/ada-lovelace/details/experience/',
    ]) {
      expect(linkedinKey(url)).toBe('linkedin.com/in/ada-lovelace');
    }
    expect(linkedinKey('https://www.linkedin.com/in/zo%C3%AB')).toBe('linkedin.com/in/zoë');
    expect(linkedinKey('https://notlinkedin.com/in/x')).toBeUndefined();
    expect(linkedinKey('https://example.com')).toBeUndefined();
  });

  it('writes phones in E.164 using the default region', () => {
    expect(phoneKey('(415) 555-0100', 'US')).toBe('+14155550100');
    expect(phoneKey('+44 20 7946 0018', 'US')).toBe('+442079460018');
    expect(phoneKey('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(phoneKey('12', 'US')).toBeUndefined();
  });

  it('folds case, accents and punctuation in name + company', () => {
    expect(foldText("Zoë  O'Brien")).toBe('zoe o brien');
    expect(nameCompanyKey('ZOË', 'Çelik', 'Café Ltd.')).toBe(nameCompanyKey('zoe', 'celik', 'cafe'));
    expect(nameCompanyKey('Ada', 'Lovelace', '')).toBeUndefined();
  });

  it('folds plain ASCII (its fast path) exactly as the Unicode rules do', () => {
    const unicodeFold = (t: string) =>
      t
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (t) => {
        expect(foldText(t)).toBe(unicodeFold(t));
      }),
    );
    expect(foldText(' Acme,  Inc.\t(UK) ')).toBe('acme inc uk');
  });
});

describe('classifyRow', () => {
  const existing = [
    {
      id: 'c1',
      contact: aContact({
        emails: [{ value: 'ada@example.com' }],
        company: 'Engines',
        title: 'Mathematician',
        birthday: { year: 1815, month: 12, day: 10 },
      }),
    },
    {
      id: 'c2',
      contact: aContact({
        firstName: 'Grace',
        lastName: 'Hopper',
        links: [{ kind: 'linkedin', url: 'https://linkedin.com/in/grace' }],
      }),
    },
    {
      id: 'c3',
      contact: aContact({ firstName: 'Alan', lastName: 'Turing', phones: [{ value: '+1 415 555 0100' }] }),
    },
    {
      id: 'c4',
      contact: aContact({ firstName: 'Linus', lastName: 'Torvalds', company: 'Linux Foundation' }),
    },
  ];
  const classify = (rows: Parameters<typeof classifyRow>[0][]) => {
    const index = buildDedupeIndex(existing, 'US');
    return rows.map((row) => classifyRow(row, index));
  };

  it('finds duplicates and merges by e-mail, LinkedIn, phone and name+company, listing the changes', () => {
    const out = classify([
      {
        line: 2,
        contact: aContact({
          emails: [{ value: 'ADA@example.com ' }],
          company: 'Engines',
          birthday: { month: 12, day: 10 },
        }),
      },
      {
        line: 3,
        contact: aContact({
          emails: [{ value: 'ada@example.com' }],
          company: 'Engines',
          title: 'Chief Mathematician',
        }),
      },
      {
        line: 4,
        contact: aContact({
          firstName: 'Grace',
          lastName: 'Hopper',
          links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/Grace/' }],
          company: 'Navy',
        }),
      },
      {
        line: 5,
        contact: aContact({ firstName: 'Alan', lastName: 'Turing', phones: [{ value: '(415) 555-0100' }] }),
      },
      {
        line: 6,
        contact: aContact({
          firstName: 'LINUS',
          lastName: 'Torvalds',
          company: 'Linux Foundation Inc',
          emails: [{ value: 'linus@example.org' }],
        }),
      },
      { line: 7, error: "row 7: 'Connected On' is not a date: 31/02/2024" },
    ]);
    expect(out.map((r) => r.kind)).toEqual(['duplicate', 'merge', 'merge', 'duplicate', 'merge', 'error']);
    expect(out[0]).toMatchObject({ target: { kind: 'existing', id: 'c1' }, matchedBy: 'email' });
    expect(out[1]).toMatchObject({
      matchedBy: 'email',
      changes: [{ field: 'title', from: 'Mathematician', to: 'Chief Mathematician' }],
    });
    expect(out[2]).toMatchObject({
      target: { id: 'c2' },
      matchedBy: 'linkedin',
      changes: [{ field: 'company', to: 'Navy' }],
    });
    expect(out[3]).toMatchObject({ target: { id: 'c3' }, matchedBy: 'phone' });
    expect(out[4]).toMatchObject({
      target: { id: 'c4' },
      matchedBy: 'name_company',
      changes: [
        { field: 'firstName', from: 'Linus', to: 'LINUS' },
        { field: 'company', from: 'Linux Foundation', to: 'Linux Foundation Inc' },
        { field: 'emails', added: ['linus@example.org'] },
      ],
    });
  });

  it('passes over a stronger key whose contact another identity key contradicts', () => {
    const [row] = classify([
      {
        line: 2,
        contact: aContact({
          firstName: 'Grace',
          lastName: 'Hopper',
          emails: [{ value: 'ada@example.com' }],
          links: [{ kind: 'linkedin', url: 'linkedin.com/in/grace' }],
        }),
      },
    ]);
    // A shared inbox: Ada's address, but Grace's name and profile. Grace is the match, not Ada.
    expect(row).toMatchObject({ kind: 'merge', matchedBy: 'linkedin', target: { id: 'c2' } });
  });

  it('detects duplicates within the file, against the merged state of earlier rows', () => {
    const out = classify([
      {
        line: 2,
        contact: aContact({ firstName: 'New', lastName: 'Person', emails: [{ value: 'new@example.com' }] }),
      },
      {
        line: 3,
        contact: aContact({ firstName: 'New', lastName: 'Person', emails: [{ value: 'NEW@example.com' }] }),
      },
      {
        line: 4,
        contact: aContact({
          firstName: 'New',
          lastName: 'Person',
          emails: [{ value: 'new@example.com' }, { value: 'n2@example.com' }],
        }),
      },
      {
        line: 5,
        contact: aContact({ firstName: 'New', lastName: 'Person', emails: [{ value: 'n2@example.com' }] }),
      },
      { line: 6, contact: aContact({ firstName: 'Other', lastName: 'Person' }) },
    ]);
    expect(out.map((r) => r.kind)).toEqual(['new', 'duplicate', 'merge', 'duplicate', 'new']);
    expect(out[1]).toMatchObject({ target: { kind: 'row', line: 2 } });
    expect(out[2]).toMatchObject({
      target: { kind: 'row', line: 2 },
      changes: [{ field: 'emails', added: ['n2@example.com'] }],
    });
    expect(out[3]).toMatchObject({ target: { kind: 'row', line: 2 }, matchedBy: 'email' });
  });

  it('a photo is a change only for a contact without one, and never replaces one', () => {
    const ada = aContact({
      firstName: 'Mary',
      lastName: 'Somerville',
      emails: [{ value: 'mary@example.com' }],
    });
    const out = classify([
      { line: 2, contact: ada },
      { line: 3, contact: { ...ada, hasPhoto: true } },
      { line: 4, contact: { ...ada, hasPhoto: true } },
      { line: 5, contact: ada },
    ]);
    expect(out.map((r) => r.kind)).toEqual(['new', 'merge', 'duplicate', 'duplicate']);
    expect(out[1]).toMatchObject({ changes: [{ field: 'photo', to: PHOTO_CHANGE }] });
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (has, brings) => {
        const changes = contactChanges({ ...ada, hasPhoto: has }, { ...ada, hasPhoto: brings }, 'US');
        expect(changes.some((c) => c.field === 'photo')).toBe(brings && !has);
      }),
    );
  });

  it('with forgetRows, keeps a new row by its keys only and matches it again once recalled', () => {
    const index = buildDedupeIndex(existing, 'US', true);
    const first = aContact({ firstName: 'New', lastName: 'Person', emails: [{ value: 'new@example.com' }] });
    const later = aContact({
      firstName: 'New',
      lastName: 'Person',
      emails: [{ value: 'NEW@example.com' }, { value: 'n2@example.com' }],
    });
    expect(classifyRow({ line: 2, contact: first }, index).kind).toBe('new');
    expect(index.forgotten(aContact({ firstName: 'Other', lastName: 'Person' }))).toEqual([]);
    expect(index.forgotten(later)).toEqual([2]);
    expect(() => classifyRow({ line: 3, contact: later }, index)).toThrow(/recall/);
    index.recall(2, first);
    const row = classifyRow({ line: 3, contact: later }, index);
    expect(row).toMatchObject({
      kind: 'merge',
      target: { kind: 'row', line: 2 },
      changes: [{ field: 'emails', added: ['n2@example.com'] }],
    });
    // The merged state stays in the index: nothing more to recall for this row.
    expect(index.forgotten(later)).toEqual([]);
  });

  it('does not match on a name alone', () => {
    const [row] = classify([{ line: 2, contact: aContact({ firstName: 'Linus', lastName: 'Torvalds' }) }]);
    expect(row?.kind).toBe('new');
  });
});
