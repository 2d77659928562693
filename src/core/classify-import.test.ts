import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRow } from './classify-import';
import { buildDedupeIndex, type DedupeContact } from './duplicate-keys';
import { matchConflicts } from './match-conflicts';

const aContact = (over: Partial<DedupeContact> = {}): DedupeContact => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  emails: [],
  phones: [],
  links: [],
  tags: [],
  ...over,
});

const classify = (existing: { id: string; contact: DedupeContact }[], rows: DedupeContact[]) => {
  const index = buildDedupeIndex(existing, 'US');
  return rows.map((contact, i) => classifyRow({ line: i + 2, contact }, index));
};

describe('never merging two people', () => {
  it('makes a shared office phone a conflict that names the differing name', () => {
    const [row] = classify(
      [{ id: 'c1', contact: aContact({ phones: [{ value: '+1 415 555 0100' }] }) }],
      [aContact({ firstName: 'Grace', lastName: 'Hopper', phones: [{ value: '(415) 555-0100' }] })],
    );
    expect(row).toMatchObject({
      kind: 'conflict',
      matchedBy: 'phone',
      target: { kind: 'existing', id: 'c1' },
      conflicts: [{ key: 'name', here: 'Grace Hopper', there: 'Ada Lovelace' }],
      reason:
        'same phone, different name (Grace Hopper here, Ada Lovelace in the match): a different person?',
    });
  });

  it('makes name + company with two LinkedIn profiles or two e-mails a conflict, not a merge', () => {
    const existing = [
      {
        id: 'c1',
        contact: aContact({
          firstName: 'Wei',
          lastName: 'Zhang',
          company: 'Globex',
          links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/wei-zhang-1' }],
        }),
      },
    ];
    const out = classify(existing, [
      aContact({
        firstName: 'Wei',
        lastName: 'Zhang',
        company: 'Globex',
        links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/wei-zhang-2' }],
      }),
      aContact({
        firstName: 'Wei',
        lastName: 'Zhang',
        company: 'Globex',
        links: [{ kind: 'linkedin', url: 'linkedin.com/in/wei-zhang-1/' }],
        title: 'CTO',
      }),
    ]);
    expect(out.map((r) => r.kind)).toEqual(['conflict', 'merge']);
    expect(out[0]).toMatchObject({ matchedBy: 'name_company', conflicts: [{ key: 'linkedin' }] });
    expect(out[1]).toMatchObject({ matchedBy: 'linkedin', target: { id: 'c1' } });
  });

  it('lets a later row find the conflict row as a person of its own', () => {
    const out = classify(
      [{ id: 'c1', contact: aContact({ emails: [{ value: 'family@example.com' }] }) }],
      [
        aContact({ firstName: 'Bo', lastName: 'Lovelace', emails: [{ value: 'family@example.com' }] }),
        aContact({
          firstName: 'Bo',
          lastName: 'Lovelace',
          emails: [{ value: 'family@example.com' }],
          title: 'Student',
        }),
      ],
    );
    expect(out.map((r) => r.kind)).toEqual(['conflict', 'merge']);
    expect(out[1]).toMatchObject({ target: { kind: 'row', line: 2 } });
  });

  it('accepts initials and a missing middle name as the same name, an address-as-name as no name', () => {
    const a = aContact({ firstName: 'Ada', lastName: 'King Lovelace' });
    expect(matchConflicts(a, aContact({ firstName: 'A.', lastName: 'Lovelace' }))).toEqual([]);
    expect(matchConflicts(a, aContact({ firstName: 'ada@example.com', lastName: '' }))).toEqual([]);
    expect(matchConflicts(a, aContact({ firstName: 'Augusta', lastName: 'Byron' }))).toHaveLength(1);
  });

  it('trusts the UID of its own export even when the name was changed since', () => {
    const [row] = classify(
      [{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', contact: aContact() }],
      [aContact({ uid: 'urn:uuid:0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', firstName: 'Augusta' })],
    );
    expect(row).toMatchObject({ kind: 'merge', matchedBy: 'uid' });
  });

  // Rows of distinct people share phones, companies and even e-mails at random, but each has a
  // name of its own: the preview never points one person at another's contact or row.
  it('property: rows with distinct names never match each other', () => {
    const person = fc.record({
      phone: fc.constantFrom('+14155550100', '+14155550101', undefined),
      email: fc.constantFrom('office@example.com', 'home@example.com', undefined),
      company: fc.constantFrom('Globex', 'Initech', undefined),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 2, maxLength: 12 }), (people) => {
        const rows = people.map((p, i) =>
          aContact({
            firstName: `Person${String.fromCharCode(97 + i)}`,
            lastName: 'Zed',
            ...(p.phone && { phones: [{ value: p.phone }] }),
            ...(p.email && { emails: [{ value: p.email }] }),
            ...(p.company && { company: p.company }),
          }),
        );
        for (const r of classify([], rows)) expect(['new', 'conflict']).toContain(r.kind);
      }),
    );
  });
});
