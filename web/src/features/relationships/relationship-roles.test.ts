import { describe, expect, it } from 'vitest';
import { relationshipBody } from './relationship-roles';

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
