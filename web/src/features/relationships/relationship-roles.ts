import type { RelationshipKind } from '@contract/vocabulary';

/**
 * What the picked person is to the page's contact, as the form offers it. A stored row reads
 * "other is subject's <kind>", so "Direct report" and "Introduced" file the row on the picked
 * person with the page's contact as the other end.
 */
export const RELATIONSHIP_ROLES = [
  { value: 'spouse', label: 'Spouse', kind: 'spouse', onPicked: false },
  { value: 'partner', label: 'Partner', kind: 'partner', onPicked: false },
  { value: 'colleague', label: 'Colleague', kind: 'colleague', onPicked: false },
  { value: 'manager', label: 'Manager (of this person)', kind: 'manager', onPicked: false },
  { value: 'report', label: 'Direct report (of this person)', kind: 'manager', onPicked: true },
  { value: 'introduced_by', label: 'Introduced this person to me', kind: 'introduced_by', onPicked: false },
  {
    value: 'introduced',
    label: 'Was introduced to me by this person',
    kind: 'introduced_by',
    onPicked: true,
  },
  { value: 'knows', label: 'Knows', kind: 'knows', onPicked: false },
] as const satisfies readonly { value: string; label: string; kind: RelationshipKind; onPicked: boolean }[];
export type RelationshipRole = (typeof RELATIONSHIP_ROLES)[number]['value'];

/** The API call for a role: which contact the row is filed on, and who the other end is. */
export function relationshipBody(role: RelationshipRole, pageId: string, pickedId: string) {
  const r = RELATIONSHIP_ROLES.find((x) => x.value === role) ?? RELATIONSHIP_ROLES[7];
  return r.onPicked
    ? { subjectId: pickedId, kind: r.kind, otherId: pageId }
    : { subjectId: pageId, kind: r.kind, otherId: pickedId };
}

/** The role a stored row shows on `pageId`'s page: the picked-side roles when the page is the row's other end. */
export function roleOf(r: { kind: RelationshipKind; contactId: string }, pageId: string): RelationshipRole {
  const onPicked = r.contactId !== pageId;
  const match =
    RELATIONSHIP_ROLES.find((x) => x.kind === r.kind && x.onPicked === onPicked) ??
    RELATIONSHIP_ROLES.find((x) => x.kind === r.kind);
  return match?.value ?? 'knows';
}

/** The PATCH that turns a stored row into `role` as seen from `pageId`'s page (kind, and which way it points). */
export function relationshipChange(
  r: { contactId: string; otherId: string },
  role: RelationshipRole,
  pageId: string,
) {
  const other = r.contactId === pageId ? r.otherId : r.contactId;
  const { subjectId, kind } = relationshipBody(role, pageId, other);
  return { kind, reverse: subjectId !== r.contactId };
}
