import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_ROLES, relationshipBody, relationshipChange, roleOf } from './relationship-roles';

describe('relationshipBody', () => {
  it('files symmetric and "their manager" roles on the page contact', () => {
    expect(relationshipBody('spouse', 'page', 'picked')).toEqual({
      subjectId: 'page',
      kind: 'spouse',
      otherId: 'picked',
    });
    expect(relationshipBody('manager', 'page', 'picked')).toEqual({
      subjectId: 'page',
      kind: 'manager',
      otherId: 'picked',
    });
  });
  it('files the inverse roles on the picked contact, so both pages read right', () => {
    expect(relationshipBody('report', 'page', 'picked')).toEqual({
      subjectId: 'picked',
      kind: 'manager',
      otherId: 'page',
    });
    expect(relationshipBody('introduced', 'page', 'picked')).toEqual({
      subjectId: 'picked',
      kind: 'introduced_by',
      otherId: 'page',
    });
  });
});

describe('editing a relationship from either page', () => {
  const SYMMETRIC = new Set(['spouse', 'partner', 'colleague', 'knows']);
  // Applies a PATCH as the server does: a new kind, and the ends swapped unless the kind is symmetric.
  const apply = (
    row: { kind: string; contactId: string; otherId: string },
    role: (typeof RELATIONSHIP_ROLES)[number]['value'],
    page: string,
  ) => {
    const { kind, reverse } = relationshipChange(row, role, page);
    const swap = reverse && !SYMMETRIC.has(kind);
    return {
      kind,
      contactId: swap ? row.otherId : row.contactId,
      otherId: swap ? row.contactId : row.otherId,
    };
  };
  it('reads back as the role chosen, for every role, from both ends of every row', () => {
    for (const start of RELATIONSHIP_ROLES)
      for (const page of ['a', 'b'])
        for (const role of RELATIONSHIP_ROLES) {
          const row = { kind: start.kind, contactId: 'a', otherId: 'b' };
          const after = apply(row, role.value, page);
          const shown = roleOf(after, page);
          // Symmetric kinds have one role each, whichever end files them.
          expect(shown, `${start.value} → ${role.value} on ${page}`).toBe(role.value);
        }
  });
  it('shows the picked-side role on the other end: a manager row reads "report" on the manager\'s page', () => {
    expect(roleOf({ kind: 'manager', contactId: 'report' }, 'report')).toBe('manager');
    expect(roleOf({ kind: 'manager', contactId: 'report' }, 'boss')).toBe('report');
    expect(roleOf({ kind: 'spouse', contactId: 'x' }, 'y')).toBe('spouse');
  });
});
