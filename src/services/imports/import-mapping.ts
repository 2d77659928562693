import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ImportMapping } from '../../contract/imports';
import { Invalid } from '../../core/errors';
import {
  MAPPING_FIELDS,
  type MappingField,
  mappingHasIdentity,
  parseMapSpec,
} from '../../core/import-mapping';
import { unrecognised } from '../../formats/detect-format';
import type { ChooseMapping, GenericLayout, GenericRead } from '../../formats/generic-csv';
import { findImportMapping, saveImportMapping } from '../../store/import-mappings.repo';
import type { Conn } from '../../store/store';

const Field = z.enum(MAPPING_FIELDS);
/** What import_runs.mapping holds for a generic CSV. */
const StoredMapping = z.object({
  headerKey: z.string(),
  columns: z.array(z.object({ name: z.string(), sample: z.string(), guess: Field })),
  fields: z.array(Field),
  remembered: z.boolean(),
  warnings: z.array(z.string()),
});
export type StoredMapping = z.infer<typeof StoredMapping>;

/** The key a mapping is remembered under: a sha256 of the normalised header set (never the names). */
export function headerHash(headerKey: string): string {
  return createHash('sha256').update(headerKey).digest('hex');
}

/** Problems with a chosen mapping name the column or say what is missing; `field` is where it came from. */
export function requireIdentity(fields: readonly MappingField[], field: string): void {
  if (!mappingHasIdentity(fields))
    throw new Invalid(
      'no column is mapped to a name or e-mail (firstName, lastName, fullName or email)',
      field,
    );
}

/**
 * The mapping of a new upload: the account's remembered one for this header set (else the
 * guesses), then the columns named in `map` ("Vorname=firstName,…"). `chosen.remembered` says
 * whether a remembered mapping was used.
 */
export function chooseForUpload(
  db: Conn,
  accountId: string,
  map: string | undefined,
): { choose: ChooseMapping; chosen: { remembered: boolean } } {
  const chosen = { remembered: false };
  const choose = async (layout: GenericLayout): Promise<MappingField[]> => {
    const stored = await findImportMapping(db, accountId, headerHash(layout.headerKey));
    const remembered = stored === undefined ? undefined : z.array(Field).safeParse(JSON.parse(stored));
    let fields = layout.columns.map((c) => c.guess);
    if (remembered?.success && remembered.data.length === fields.length) {
      fields = remembered.data;
      chosen.remembered = true;
    }
    if (map !== undefined) fields = applyMapSpec(layout, fields, map);
    // Without --map, guesses that give no name are not a contacts file; with it, the user said so.
    if (map !== undefined || chosen.remembered) requireIdentity(fields, 'map');
    else if (!mappingHasIdentity(fields))
      throw unrecognised(layout.columns.map((c) => c.name).join(layout.delimiter));
    return fields;
  };
  return { choose, chosen };
}

/** Applies "Column=field,…" to `fields`; an unknown column or field is a 400 naming it. */
function applyMapSpec(layout: GenericLayout, fields: MappingField[], spec: string): MappingField[] {
  const parsed = parseMapSpec(spec);
  if (!parsed.ok) throw new Invalid(parsed.error, 'map');
  const out = [...fields];
  for (const [column, field] of parsed.pairs) {
    const wanted = column.toLowerCase();
    const at = layout.columns.flatMap((c, i) => (c.name.toLowerCase() === wanted ? [i] : []));
    if (at.length === 0) {
      const names = layout.columns.map((c) => `'${c.name}'`).filter((n) => n !== "''");
      throw new Invalid(
        `column '${column}' is not in this file's header (it has ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''})`,
        'map',
      );
    }
    for (const i of at) out[i] = field;
  }
  return out;
}

/** The stored form of a generic read, once its rows have been drained (warnings complete). */
export function storedMapping(read: GenericRead, remembered: boolean): StoredMapping {
  return {
    headerKey: read.layout.headerKey,
    columns: read.layout.columns.map(({ name, sample, guess }) => ({ name, sample, guess })),
    fields: read.fields,
    remembered,
    warnings: read.warnings,
  };
}

/** Reads import_runs.mapping; null for other formats. */
export function parseStoredMapping(json: string | null): StoredMapping | null {
  return json === null ? null : StoredMapping.parse(JSON.parse(json));
}

/** The API's view of a stored mapping. */
export function toMappingDto(m: StoredMapping | null): ImportMapping | null {
  if (!m) return null;
  return {
    columns: m.columns.map((c, index) => ({ index, ...c, field: m.fields[index] ?? 'ignore' })),
    remembered: m.remembered,
    warnings: m.warnings,
  };
}

/** Remembers `fields` as the account's mapping for this header set. */
export async function rememberMapping(
  db: Conn,
  accountId: string,
  now: string,
  headerKey: string,
  fields: readonly MappingField[],
): Promise<void> {
  await saveImportMapping(db, {
    account_id: accountId,
    header_key: headerHash(headerKey),
    fields: JSON.stringify(fields),
    updated_at: now,
  });
}
