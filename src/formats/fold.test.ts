import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, paramValue } from './fold';
import { unescapeText } from './vcard-lines';

describe('foldLine', () => {
  it('keeps short lines and folds long ones at 75 octets', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldLine(`NOTE:${'a'.repeat(200)}`).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 57]);
  });

  it('never splits a UTF-8 character, never exceeds 75 octets and unfolds to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const line = `X:${s.replace(/[\r\n]/g, '')}`;
        const parts = foldLine(line).split('\r\n');
        for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
        expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
      }),
    );
  });

  it('escapes text so that unescaping gives it back (CR/LF normalised to LF)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unescapeText(escapeText(s))).toBe(s.replace(/\r\n?/g, '\n'));
      }),
    );
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('quotes parameter values that need it and removes DQUOTE', () => {
    expect(paramValue('Ada')).toBe('Ada');
    expect(paramValue('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(paramValue('say "hi"')).toBe("say 'hi'");
  });
});
