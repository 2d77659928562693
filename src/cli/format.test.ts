import { describe, expect, it } from 'vitest';
import { fitWidths, formatDate, renderDetails, renderTable, truncate, wrap } from './format';

describe('truncate', () => {
  it('keeps text that fits and marks a cut with an ellipsis', () => {
    expect(truncate('Grace', 5)).toBe('Grace');
    expect(truncate('Grace Hopper', 6)).toBe('Grace…');
    expect(truncate('abc', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('counts code points, so an emoji is not split in half', () => {
    expect(truncate('😀😀😀', 2)).toBe('😀…');
  });
});

describe('renderTable', () => {
  const columns = [{ header: 'NAME' }, { header: 'COMPANY' }];

  it('pads columns to their widest cell and trims trailing spaces', () => {
    const out = renderTable(
      columns,
      [
        ['Grace Hopper', 'Navy'],
        ['Ada', 'Analytical Engines'],
      ],
      200,
    );
    expect(out.split('\n')).toEqual([
      'NAME          COMPANY',
      'Grace Hopper  Navy',
      'Ada           Analytical Engines',
    ]);
  });

  it('shrinks the widest column first so every line fits the width', () => {
    const rows = [['Grace Hopper', 'Analytical Engines Incorporated']];
    const out = renderTable(columns, rows, 30);
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(30);
    expect(out).toContain('Grace Hopper'); // the short column is untouched
    expect(out.split('\n')[1]).toBe('Grace Hopper  Analytical Engi…'); // exactly 30
  });

  it('never goes below a column minimum, even when the terminal is too narrow', () => {
    const widths = fitWidths([{ header: 'NAME', min: 10 }, { header: 'X' }], [['Grace Hopper', 'yyyyyy']], 5);
    expect(widths[0]).toBe(10);
    expect(widths[1]).toBe(1);
  });
});

describe('formatDate', () => {
  it('shows the calendar date in the given zone, not UTC', () => {
    expect(formatDate('2026-03-10T23:30:00.000Z', 'UTC')).toBe('2026-03-10');
    expect(formatDate('2026-03-10T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-03-11');
    expect(formatDate('2026-03-10T02:00:00.000Z', 'America/New_York')).toBe('2026-03-09');
  });

  it("prints '-' for a missing date", () => {
    expect(formatDate(null)).toBe('-');
    expect(formatDate(undefined)).toBe('-');
  });
});

describe('renderDetails', () => {
  it('aligns the values and leaves empty fields out', () => {
    expect(
      renderDetails([
        ['Name', 'Grace'],
        ['Company', null],
        ['Time zone', 'UTC'],
      ]),
    ).toBe('Name:      Grace\nTime zone: UTC');
  });
});

describe('wrapped columns', () => {
  it('wrap a long cell onto more lines instead of cutting it, and give way before other columns', () => {
    const columns = [{ header: 'NAME' }, { header: 'WHY', wrap: true }];
    const out = renderTable(columns, [['Grace Hopper', 'one two three four five six seven']], 30);
    expect(out.split('\n')).toEqual([
      'NAME          WHY',
      'Grace Hopper  one two three',
      '              four five six',
      '              seven',
    ]);
    expect(wrap('a\nbb cc', 3)).toEqual(['a', 'bb', 'cc']);
  });

  it('turn a line break inside an ordinary cell into a space', () => {
    expect(renderTable([{ header: 'T' }], [['Lead\nBarista']], 40)).toBe('T\nLead Barista');
  });
});
