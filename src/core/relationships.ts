import type { RelationshipKind } from './vocabulary';

/** Kinds that read the same from both people's pages, so one row per pair is enough. */
export const SYMMETRIC_RELATIONSHIPS: ReadonlySet<RelationshipKind> = new Set([
  'spouse',
  'partner',
  'colleague',
  'knows',
]);

/** Which end of a stored row a page is showing: the contact it was filed on, or the other one. */
export type RelationshipSide = 'subject' | 'other';

const LABELS: Record<RelationshipKind, Record<RelationshipSide, string>> = {
  spouse: { subject: 'Spouse', other: 'Spouse' },
  partner: { subject: 'Partner', other: 'Partner' },
  colleague: { subject: 'Colleague', other: 'Colleague' },
  knows: { subject: 'Knows', other: 'Knows' },
  manager: { subject: 'Manager', other: 'Direct report' },
  introduced_by: { subject: 'Introduced by', other: 'Introduced' },
};

/** What the related person is to the page's contact, e.g. "Manager" on the report's page, "Direct report" on the manager's. */
export function relationshipLabel(kind: RelationshipKind, side: RelationshipSide): string {
  return LABELS[kind][side];
}
