import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPECTED, type RowSpec } from '../../test/fixtures/imports/expected';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture';
import type { ImportRow } from './imported-contact';
import { readImport } from './read-import';

const here = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/imports');

/** `expected` is a subset of `actual`: objects by key, arrays item by item (actual may be longer). */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    if (expected.length === 0) return actual.length === 0;
    return expected.every((e, i) => contains(actual[i], e));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
  }
  return actual === expected;
}

function rowRight(row: ImportRow | undefined, spec: RowSpec): boolean {
  if (!row) return false;
  if ('error' in spec) return 'error' in row && spec.error.test(row.error);
  if ('error' in row) return false;
  const c = row.contact;
  return (
    `${c.firstName} ${c.lastName}`.trim() === spec.name &&
    contains(c, spec.has ?? {}) &&
    (row.warnings?.length ?? 0) === (spec.warnings ?? 0) &&
    (spec.lacks ?? []).every((field) => !(field in c))
  );
}

/**
 * Every fixture in test/fixtures/imports against what a person would expect of it (expected.ts):
 * the shapes Apple, Google, Outlook in eight languages, Android, Evolution, Lotus, eM Client, iCloud
 * and LinkedIn 2018–2026 write, with invented people. Reports files and rows right / total.
 */
describe('the import fixture set', () => {
  it('reads every fixture as expected', { timeout: 30_000 }, async () => {
    const files = readdirSync(here).filter((f) => /\.(csv|vcf)$/.test(f) && f in EXPECTED);
    const unlisted = readdirSync(here).filter(
      (f) => /\.(csv|vcf)$/.test(f) && !(f in EXPECTED) && !['empty.csv', 'not-contacts.csv'].includes(f),
    );
    expect(unlisted, 'every contacts fixture has an expected outcome').toEqual([]);
    let filesRight = 0;
    let rowsRight = 0;
    let rowsTotal = 0;
    const wrong: string[] = [];
    for (const file of files) {
      const spec = EXPECTED[file]!;
      const stats = { skippedEmpty: 0 };
      const { format, rows } = await readImport(fixtureStream(file, 4096), { order: spec.order, stats });
      const read = await collect(rows);
      let right = 0;
      spec.rows.forEach((rowSpec, i) => {
        if (rowRight(read[i], rowSpec)) right++;
        else
          wrong.push(
            `${file} record ${i + 1}: expected ${JSON.stringify(rowSpec)}, read ${JSON.stringify(read[i])}`,
          );
      });
      rowsRight += right;
      rowsTotal += spec.rows.length;
      const fileRight =
        format === spec.format &&
        right === spec.rows.length &&
        read.length === spec.rows.length &&
        stats.skippedEmpty === (spec.skippedEmpty ?? 0);
      if (fileRight) filesRight++;
      else if (right === spec.rows.length)
        wrong.push(`${file}: format ${format}, ${read.length} records, ${stats.skippedEmpty} skipped`);
    }
    console.log(
      `fixture set: files ${filesRight}/${files.length} right, rows ${rowsRight}/${rowsTotal} right`,
    );
    expect(wrong).toEqual([]);
    expect(filesRight).toBe(files.length);
  });
});
