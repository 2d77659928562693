import { describe, expect, it } from 'vitest';
import { collect } from '../../test/fixtures/imports/fixture';
import { csvRecords, detectDelimiter, parseCsvLine } from './csv-records';

async function* linesOf(...lines: string[]) {
  yield* lines;
}
const records = (lines: string[], delimiter: ',' | ';' | '\t' = ',') =>
  collect(csvRecords(linesOf(...lines), delimiter));

describe('csvRecords', () => {
  it('reads quoted fields, doubled quotes and newlines inside quotes', async () => {
    expect(await records(['a,"b,c","say ""hi""",', '"multi', 'line",x'])).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"', ''] },
      { line: 2, fields: ['multi\nline', 'x'] },
    ]);
  });

  it('skips blank lines but keeps a lone quoted empty field', async () => {
    expect(await records(['a', '', '""'])).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: [''] },
    ]);
  });

  it('refuses a row over 500 columns and carries on with the next', async () => {
    const out = await records([Array(10_000).fill('x').join(','), 'ok,1']);
    expect(out[0]).toEqual({ line: 1, error: 'row 1: more than 500 columns' });
    expect(out[1]).toEqual({ line: 2, fields: ['ok', '1'] });
  });

  it('refuses an over-long field and resynchronises after an unterminated quote', async () => {
    const big = 'y'.repeat(70_000);
    const out = await records([`a,${big},c`, 'b,"never closed', ...Array(3).fill(big), 'after,1']);
    expect(out[0]).toMatchObject({
      line: 1,
      error: expect.stringContaining('column 2 is longer than 65536'),
    });
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringContaining('column 2') });
    expect(out.at(-1)).toEqual({ line: 6, fields: ['after', '1'] });
  });

  it('reports a quote left open at the end of the file', async () => {
    expect(await records(['a,"open'])).toEqual([{ line: 1, error: 'row 1: a quoted field is never closed' }]);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('First Name;Last Name;"a,b"')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a,b;c')).toBe(',');
    expect(parseCsvLine('x;"y;z"')).toEqual(['x', 'y;z']);
  });
});

describe('a quoted field over many lines', () => {
  it('refuses the whole file once a quoted field runs past maxFieldLines', async () => {
    const lines = ['h1,h2', 'a,"open', ...Array.from({ length: 20 }, () => 'more'), 'x,y'];
    const out: unknown[] = [];
    const read = async () => {
      const limits = { maxColumns: 10, maxFieldChars: 1_000_000, maxFieldLines: 5 };
      for await (const r of csvRecords(linesOf(...lines), ',', limits)) out.push(r);
    };
    await expect(read()).rejects.toThrow(/row 2: a quoted field runs over more than 5 lines/);
    expect(out).toEqual([{ line: 1, fields: ['h1', 'h2'] }]);
  });
});
