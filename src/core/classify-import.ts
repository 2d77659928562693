import {
  contactChanges,
  type DedupeContact,
  type DedupeIndex,
  type FieldChange,
  type MatchKey,
  type MatchTarget,
  mergedContact,
} from './duplicate-keys';
import { conflictReason, type MatchConflict, matchConflicts } from './match-conflicts';

export type ImportClassification<C extends DedupeContact = DedupeContact> =
  | { line: number; kind: 'new'; contact: C }
  | { line: number; kind: 'duplicate'; contact: C; target: MatchTarget; matchedBy: MatchKey }
  | {
      line: number;
      kind: 'merge';
      contact: C;
      target: MatchTarget;
      matchedBy: MatchKey;
      changes: FieldChange[];
    }
  /**
   * A match on one key while an identity key disagrees ("same phone, different person?"): created
   * as a new contact unless the user chooses to merge it; `changes` are what a merge would do.
   */
  | {
      line: number;
      kind: 'conflict';
      contact: C;
      target: MatchTarget;
      matchedBy: MatchKey;
      changes: FieldChange[];
      conflicts: MatchConflict[];
      reason: string;
    }
  | { line: number; kind: 'error'; error: string };

/**
 * Classifies one row of an import, in file order: it is new, a duplicate (matches and changes nothing), a merge (matches
 * by UID, e-mail, LinkedIn, phone or name+company and lists what would change), a conflict or an
 * error. Of the targets a row matches, the first that no identity key contradicts wins; when every
 * one is contradicted the row is a conflict and counts as a person of its own for later rows.
 * Rows also match earlier rows of the same file: `index` is extended with each row classified.
 */
export function classifyRow<C extends DedupeContact>(
  row: { line: number; contact: C } | { line: number; error: string },
  index: DedupeIndex,
): ImportClassification<C> {
  if ('error' in row) return { line: row.line, kind: 'error', error: row.error };
  const { line, contact } = row;
  const candidates = index.candidates(contact);
  if (candidates.length === 0) {
    index.add({ kind: 'row', line }, contact);
    return { line, kind: 'new', contact };
  }
  // Our own export's UID names the very record: whatever else changed, it is the same person.
  const agreeing = candidates.find(
    (c) =>
      (c.matchedBy === 'uid' && c.target.kind === 'existing') ||
      matchConflicts(c.current, contact).length === 0,
  );
  if (!agreeing) {
    const first = candidates[0]!;
    const conflicts = matchConflicts(first.current, contact);
    index.add({ kind: 'row', line }, contact);
    return {
      line,
      kind: 'conflict',
      contact,
      target: first.target,
      matchedBy: first.matchedBy,
      changes: contactChanges(first.current, contact, index.defaultRegion),
      conflicts,
      reason: conflictReason(first.matchedBy, conflicts),
    };
  }
  const { target, matchedBy, current } = agreeing;
  const changes = contactChanges(current, contact, index.defaultRegion);
  const next = changes.length ? mergedContact(current, contact, index.defaultRegion) : current;
  index.add(target, next);
  return changes.length
    ? { line, kind: 'merge', contact, target, matchedBy, changes }
    : { line, kind: 'duplicate', contact, target, matchedBy };
}
