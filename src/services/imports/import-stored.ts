import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { ImportCounts, ImportFieldChange, ImportResult } from '../../contract/imports';

/**
 * Readers of what a preview stored in import_runs and import_rows (JSON and text columns): each
 * checks the shape it returns, so a row written by an older version fails by name, not later as
 * an undefined field.
 */

/** What import_runs.counts holds: the preview's counts, and what the commit did once it did. */
export type StoredCounts = ImportCounts & { result?: ImportResult };

// Runs previewed before conflicts and warnings existed have neither count; a run still reading has '{}'.
const StoredCountsJson = ImportCounts.partial().extend({ result: ImportResult.optional() });

export function storedCounts(json: string): StoredCounts {
  const c = StoredCountsJson.parse(JSON.parse(json));
  const counts: StoredCounts = {
    new: c.new ?? 0,
    duplicate: c.duplicate ?? 0,
    merge: c.merge ?? 0,
    conflict: c.conflict ?? 0,
    error: c.error ?? 0,
    total: c.total ?? 0,
    warnings: c.warnings ?? 0,
    skippedEmpty: c.skippedEmpty ?? 0,
  };
  if (c.result) counts.result = c.result;
  return counts;
}

/** The region a run was previewed with (a CountryCode when it was written). */
export function storedRegion(region: string): CountryCode {
  if (!isSupportedCountry(region)) throw new Error(`import run: "${region}" is not a phone region`);
  return region;
}

/** `value` as one of `list`, or an error naming the column: the columns are written from these lists. */
export function storedOneOf<T extends string>(list: readonly T[], value: string, column: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined) throw new Error(`import_rows.${column}: unknown value "${value}"`);
  return found;
}

const StringList = z.array(z.string());

/** A row's warnings (JSON list of texts); none when the column is null. */
export function storedWarnings(json: string | null): string[] {
  return json ? StringList.parse(JSON.parse(json)) : [];
}

// What the preview wrote (core's FieldChange), before the API adds `applies`.
const StoredChanges = z.array(
  z.union([ImportFieldChange.options[0].omit({ applies: true }), ImportFieldChange.options[1]]),
);

export function storedChanges(json: string | null): z.infer<typeof StoredChanges> {
  return json ? StoredChanges.parse(JSON.parse(json)) : [];
}
