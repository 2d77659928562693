import type { ImportRow } from '@contract/imports';

type Change = ImportRow['changes'][number];

const LIST_NOUNS: Record<string, string> = { emails: 'e-mail', phones: 'phone', links: 'link', tags: 'tag' };

/** `timeZone` → "time zone". */
function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * A merge's changes as short lines a person can check at a glance:
 * "company: Acme → Globex", "city: London" (filled in), "+ e-mail x@y", and a kept value
 * as "title stays CTO (file: Engineer)".
 */
export function changeLines(changes: readonly Change[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    if ('added' in change) {
      const noun = LIST_NOUNS[change.field] ?? change.field;
      for (const value of change.added) lines.push(`+ ${noun} ${value}`);
    } else if (!change.applies) {
      lines.push(`${fieldLabel(change.field)} stays ${change.from ?? '—'} (file: ${change.to})`);
    } else if (change.from === undefined || change.from === '') {
      lines.push(`${fieldLabel(change.field)}: ${change.to}`);
    } else {
      lines.push(`${fieldLabel(change.field)}: ${change.from} → ${change.to}`);
    }
  }
  return lines;
}
