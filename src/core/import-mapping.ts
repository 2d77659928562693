import { isOneOf } from './one-of';

/**
 * The fields a column of a generic CSV can be mapped to (F23). Several columns may share a field:
 * e-mails, phones, links and tags collect every value, names and notes join them, the rest keep
 * the first non-empty one.
 */
export const MAPPING_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'company',
  'title',
  'birthday',
  'city',
  'country',
  'notes',
  'tags',
  'linkedin',
  'website',
  'ignore',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

export const MAPPING_FIELD_LABELS: Record<MappingField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'E-mail',
  phone: 'Phone',
  company: 'Company',
  title: 'Title',
  birthday: 'Birthday',
  city: 'City',
  country: 'Country',
  notes: 'Notes',
  tags: 'Tags',
  linkedin: 'LinkedIn URL',
  website: 'Website',
  ignore: 'Ignore',
};

/** Whether `value` is one of the mapping fields (a type guard for parsed input). */
export function isMappingField(value: string): value is MappingField {
  return isOneOf(MAPPING_FIELDS, value);
}

/** A mapping can import someone only when a column gives a name or an e-mail address. */
export function mappingHasIdentity(fields: Iterable<MappingField>): boolean {
  for (const f of fields)
    if (f === 'firstName' || f === 'lastName' || f === 'fullName' || f === 'email') return true;
  return false;
}

/**
 * Reads `Vorname=firstName,Nachname=lastName,E-Mail=email` (the CLI's --map): column names as the
 * header writes them, each to one field. A problem names the pair at fault.
 */
export function parseMapSpec(
  spec: string,
): { ok: true; pairs: [string, MappingField][] } | { ok: false; error: string } {
  const pairs: [string, MappingField][] = [];
  for (const part of spec.split(',')) {
    if (!part.trim()) continue;
    const eq = part.lastIndexOf('=');
    const column = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim();
    if (eq === -1 || !column) return { ok: false, error: `'${part.trim()}' is not COLUMN=FIELD` };
    if (!isMappingField(field))
      return {
        ok: false,
        error: `'${field}' (for column '${column}') is not a field; use one of ${MAPPING_FIELDS.join(', ')}`,
      };
    pairs.push([column, field]);
  }
  if (pairs.length === 0) return { ok: false, error: 'names no column (use "Column=field,…")' };
  return { ok: true, pairs };
}
