import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvDelimiter, type CsvLimits, CsvRecordParser } from './csv-records';

/**
 * The field-by-field reading of a line without quotes, as the parser did before its split shortcut:
 * a field's length is checked as it is appended, the column count as it ends.
 */
function fieldByField(line: string, lineNo: number, delimiter: CsvDelimiter, limits: CsvLimits) {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    const d = line.indexOf(delimiter, i);
    const cur = d === -1 ? line.slice(i) : line.slice(i, d);
    if (cur.length > limits.maxFieldChars)
      return {
        line: lineNo,
        error: `row ${lineNo}: column ${fields.length + 1} is longer than ${limits.maxFieldChars} characters`,
      };
    if (fields.length + 1 > limits.maxColumns)
      return { line: lineNo, error: `row ${lineNo}: more than ${limits.maxColumns} columns` };
    fields.push(cur);
    if (d === -1) return { line: lineNo, fields };
    i = d + 1;
  }
}

const delimiter = fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|');
const unquotedLine = fc
  .array(fc.constantFrom('a', 'Zoë', ' ', ',', ';', '\t', '|', '', "'", 'xyz'), { maxLength: 20 })
  .map((ps) => ps.join(''));
const limits = fc.record({
  maxColumns: fc.integer({ min: 1, max: 8 }),
  maxFieldChars: fc.integer({ min: 0, max: 6 }),
});

describe('CsvRecordParser on lines without quotes', () => {
  it('gives the records and errors of the field-by-field reading', () => {
    fc.assert(
      fc.property(delimiter, fc.array(unquotedLine, { maxLength: 6 }), limits, (d, lines, lim) => {
        const parser = new CsvRecordParser(d, lim);
        lines.forEach((line, n) => {
          expect(parser.push(line, n + 1)).toEqual(fieldByField(line, n + 1, d, lim));
        });
      }),
      { numRuns: 5000 },
    );
  });

  it('still reads a quoted record that follows one without quotes', () => {
    const parser = new CsvRecordParser(',');
    expect(parser.push('a,b', 1)).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(parser.push('"x, y",z', 2)).toEqual({ line: 2, fields: ['x, y', 'z'] });
    expect(parser.push('"open', 3)).toBeUndefined();
    expect(parser.push('still, open",q', 4)).toEqual({ line: 3, fields: ['open\nstill, open', 'q'] });
  });
});
