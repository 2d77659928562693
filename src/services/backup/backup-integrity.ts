import type { Backup } from '../../contract/backup';
import { FLAT_SECTIONS } from './backup-sections';

/** A problem a schema cannot see: a duplicate id or a reference to a row the backup lacks. */
export interface BackupProblem {
  field: string;
  message: string;
}

function duplicates<T>(
  rows: readonly T[],
  key: (row: T) => string,
  where: (i: number) => string,
  out: BackupProblem[],
) {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const k = key(row);
    if (seen.has(k)) out.push({ field: where(i), message: `duplicate ${k}` });
    seen.add(k);
  });
}

/** Every cross-row problem of a schema-valid backup, in document order (empty when it can be restored). */
export function backupProblems(b: Backup): BackupProblem[] {
  const out: BackupProblem[] = [];
  const ids = new Map<string, Set<string>>([
    ['circles', new Set(b.circles.map((c) => c.id))],
    ['contacts', new Set(b.contacts.map((c) => c.id))],
    ...FLAT_SECTIONS.map(
      ({ section }) =>
        [section, new Set<string>(b[section].flatMap((r) => ('id' in r ? [r.id] : [])))] as const,
    ),
  ]);
  duplicates(
    b.circles,
    (c) => c.id,
    (i) => `circles.${i}.id`,
    out,
  );
  duplicates(
    b.tags,
    (t) => t.id,
    (i) => `tags.${i}.id`,
    out,
  );
  duplicates(
    b.tags,
    (t) => t.name,
    (i) => `tags.${i}.name`,
    out,
  );
  duplicates(
    b.contacts,
    (c) => c.id,
    (i) => `contacts.${i}.id`,
    out,
  );
  const tagNames = new Set(b.tags.map((t) => t.name));
  for (const key of ['emails', 'phones', 'links'] as const) {
    const all = b.contacts.flatMap((c, i) =>
      c[key].map((x, j) => ({ id: x.id, at: `contacts.${i}.${key}.${j}.id` })),
    );
    duplicates(
      all,
      (x) => x.id,
      (n) => all[n]!.at,
      out,
    );
  }
  b.contacts.forEach((c, i) => {
    if (c.circle_id !== null && !ids.get('circles')?.has(c.circle_id))
      out.push({ field: `contacts.${i}.circle_id`, message: `no circle ${c.circle_id} in the backup` });
    c.tags.forEach((name, j) => {
      if (!tagNames.has(name))
        out.push({ field: `contacts.${i}.tags.${j}`, message: `no tag "${name}" in the tags section` });
    });
    duplicates(
      c.tags,
      (t) => t,
      (j) => `contacts.${i}.tags.${j}`,
      out,
    );
  });
  for (const { section, keys, refs } of FLAT_SECTIONS) {
    const rows: readonly Record<string, unknown>[] = b[section];
    duplicates(
      rows,
      (r) => keys.map((k) => String(r[k])).join('/'),
      (i) => `${section}.${i}.${keys.join('+')}`,
      out,
    );
    rows.forEach((row, i) => {
      for (const [column, target] of Object.entries(refs)) {
        const value = row[column];
        if (typeof value === 'string' && !ids.get(target)?.has(value))
          out.push({
            field: `${section}.${i}.${column}`,
            message: `no ${target} row ${value} in the backup`,
          });
      }
    });
  }
  return out;
}
