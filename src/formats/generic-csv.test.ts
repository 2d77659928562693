import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../test/fixtures/imports/fixture';
import { MAPPING_FIELDS, type MappingField, parseMapSpec } from '../core/import-mapping';
import { readGenericCsv } from './generic-csv';
import { guessField, headerSetKey } from './generic-headers';

async function* lines(text: string): AsyncGenerator<string> {
  yield* text.split('\n');
}

describe('generic CSV', () => {
  it('guesses fields from header names in several languages and from values', () => {
    expect(guessField('Prénom', [])).toBe('firstName');
    expect(guessField('Apellidos', [])).toBe('lastName');
    expect(guessField('Электронная почта', [])).toBe('email');
    expect(guessField('Tel. (Büro)', [])).toBe('phone');
    expect(guessField('Kontakt', ['ada@example.com', '', 'alan@example.org'])).toBe('email');
    expect(guessField('Profil', ['https://www.linkedin.com/in/ada'])).toBe('linkedin');
    expect(guessField('Seite', ['https://ada.example'])).toBe('website');
    expect(guessField('Ruf', ['+49 30 5550100', '(555) 010-2030'])).toBe('phone');
    expect(guessField('Jahrestag', ['1980-04-12'])).toBe('birthday');
    expect(guessField('Created time', ['2025-11-02'])).toBe('ignore');
    expect(guessField('Zahl', ['12', '7'])).toBe('ignore');
  });

  it('folds the header set: case, accents and spacing do not make another one', () => {
    expect(headerSetKey(['Vorname', 'E-Mail'])).toBe(headerSetKey(['vorname ', 'e mail']));
    expect(headerSetKey(['Vorname', 'E-Mail'])).not.toBe(headerSetKey(['E-Mail', 'Vorname']));
  });

  it('refuses a first row of data, not names', async () => {
    await expect(readGenericCsv(lines('ada@example.com;Ada\nalan@example.com;Alan'))).rejects.toThrow(
      /The first row of this CSV holds data \("ada@example.com"\), not column names/,
    );
  });

  it('reads a pipe-separated sheet and applies a chosen mapping by column', async () => {
    const read = await readGenericCsv(lines('A|B|C\nAda|Lovelace|ada@example.com\n'), {}, () => [
      'firstName',
      'lastName',
      'email',
    ]);
    expect(read.layout.delimiter).toBe('|');
    const [row] = await collect(read.rows);
    expect(row).toMatchObject({
      contact: { firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }] },
    });
  });

  it('never throws on any cells under any mapping, and yields one item per non-empty record', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'ada@example.com', '+49 30 5550100', '12.04.1980', '31.02.1980', 'x;y'),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<MappingField>(...MAPPING_FIELDS), { minLength: 2, maxLength: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
        async (fields, records) => {
          const quote = (c: string) => `"${c.replaceAll('"', '""').replace(/[\r\n]/g, ' ')}"`;
          const text = [
            fields.map((_, i) => `Col ${i}`).join(','),
            ...records.map((r) => r.slice(0, fields.length).map(quote).join(',')),
          ].join('\n');
          const stats = { skippedEmpty: 0 };
          const read = await readGenericCsv(lines(text), { stats }, () => fields);
          const rows = await collect(read.rows);
          expect(rows.length + stats.skippedEmpty).toBe(records.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads back every --map spec it is given, and names the pair at fault', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.stringMatching(/^[A-Za-zÄÖÜäöü][\w .-]{0,12}$/), fc.constantFrom(...MAPPING_FIELDS)),
          { minLength: 1, maxLength: 6 },
        ),
        (pairs) => {
          const spec = pairs.map(([c, f]) => `${c}=${f}`).join(',');
          const parsed = parseMapSpec(spec);
          expect(parsed).toEqual({ ok: true, pairs: pairs.map(([c, f]) => [c.trim(), f]) });
        },
      ),
    );
    expect(parseMapSpec('Vorname=vorname')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^'vorname' \(for column 'Vorname'\) is not a field/),
    });
    expect(parseMapSpec('Vorname')).toEqual({ ok: false, error: "'Vorname' is not COLUMN=FIELD" });
  });
});
