import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../test/fixtures/imports/fixture';
import { csvRecords } from './csv-records';
import { csvRow, neutraliseFormula, writeContactsCsv } from './csv-writer';
import { bytesSource, decodeLines } from './decode';

const encoder = new TextEncoder();
async function readBack(text: string) {
  return collect(csvRecords(decodeLines(bytesSource(encoder.encode(text), 5)), ','));
}

describe('csvRow', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvRow(['a', 'b c', 'd,e', 'say "hi"', 'x\ny'])).toBe('a,b c,"d,e","say ""hi""","x\ny"\r\n');
  });

  it('neutralises formulas with a leading single quote', () => {
    expect(['=1+1', '+1 555', '-2', '@SUM(A1)', '\tx', '\rx', 'ok'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1 555",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'ok',
    ]);
    expect(csvRow(['=HYPERLINK("http://evil")'])).toBe(`"'=HYPERLINK(""http://evil"")"\r\n`);
  });

  it('round-trips arbitrary cells through the RFC 4180 reader (line breaks normalised to LF)', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\r', '\n', ' ', ';', '=', "'", '\t'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const text = rows.map((r) => csvRow(r, false)).join('');
          const back = await readBack(text);
          expect(back.map((r) => ('fields' in r ? r.fields : r.error))).toEqual(
            rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('writeContactsCsv', () => {
  it('writes a header and one row per contact, formula-safe, with an optional BOM', async () => {
    const out = await collect(
      writeContactsCsv(
        [
          {
            firstName: '<script>x</script>',
            lastName: 'Doe',
            emails: [{ value: 'a@x.io' }, { value: 'b@x.io' }],
            phones: [{ value: '+1 555 0100' }],
            company: '=cmd|calc',
            links: [{ kind: 'linkedin', url: 'https://linkedin.com/in/doe' }],
            tags: ['a', 'b'],
            birthday: { month: 4, day: 12 },
          },
        ],
        { bom: true },
      ),
    );
    expect(out[0]?.startsWith('\uFEFFFirst Name,Last Name,Emails,')).toBe(true);
    expect(out[1]).toBe(
      `<script>x</script>,Doe,"a@x.io, b@x.io",'+1 555 0100,'=cmd|calc,,,,,,https://linkedin.com/in/doe,,"a, b",04-12,,,\r\n`,
    );
  });
});
