import type { ImportCommit, ImportRow, RowAction } from '@contract/imports';

export type Defaults = ImportCommit['defaults'];
type Status = ImportRow['status'];
/** The person's per-row choices, by line. */
export type Choices = Map<number, { status: Status; action: RowAction }>;

export const STATUS_COLORS: Record<Status, string> = {
  new: 'teal',
  merge: 'blue',
  duplicate: 'gray',
  conflict: 'orange',
  error: 'red',
};

/** What a row of each status may become; error rows are never imported. */
export function actionsFor(status: ImportRow['status']): RowAction[] {
  switch (status) {
    case 'new':
      return ['create', 'skip'];
    case 'merge':
      return ['merge', 'create', 'skip'];
    case 'conflict':
      return ['create', 'merge', 'skip'];
    case 'duplicate':
      return ['skip', 'create'];
    default:
      return [];
  }
}

/** The action a row gets when the person has not chosen one for it. */
export function defaultActionFor(status: ImportRow['status'], defaults: Defaults): RowAction | null {
  if (status === 'new') return 'create';
  if (status === 'merge') return defaults.merge;
  if (status === 'duplicate') return defaults.duplicate;
  if (status === 'conflict') return defaults.conflict;
  return null;
}

/** The commit body: the defaults, plus only the per-row choices that differ from them. */
export function commitBody(
  defaults: Defaults,
  choices: ReadonlyMap<number, { status: ImportRow['status']; action: RowAction }>,
): Pick<ImportCommit, 'defaults' | 'rows'> {
  const rows: Record<string, RowAction> = {};
  for (const [line, { status, action }] of choices)
    if (action !== defaultActionFor(status, defaults)) rows[String(line)] = action;
  return { defaults, ...(Object.keys(rows).length > 0 && { rows }) };
}
