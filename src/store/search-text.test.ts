import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSearch, foldSearchParts, PART_SEPARATOR, searchTerms } from './search-text';

/** Joins the parts as foldSearchParts does, unfolded: the reference it is checked against. */
const joinSearchParts = (parts: readonly string[]) => parts.filter(Boolean).join(PART_SEPARATOR);

describe('foldSearch', () => {
  it('drops accents and case, and spells letters without a mark as people type them', () => {
    expect(foldSearch('Núñez')).toBe('nunez');
    expect(foldSearch('ŁÓDŹ Østergård Straße Æsir İstanbul')).toBe('lodz ostergard strasse aesir istanbul');
    expect(foldSearch('Zoë François-Noël')).toBe('zoe francois-noel');
  });

  it('folds the query the same way, so a query matches the text it was typed from (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const folded = foldSearch(s);
        expect(foldSearch(folded)).toBe(folded);
        for (const term of searchTerms(s)) expect(folded.includes(term) || /[%_\\]/.test(s)).toBe(true);
      }),
    );
  });
});

describe('foldSearchParts', () => {
  it('is the fold of the joined body, ASCII parts or not (property)', () => {
    const part = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
      // Marks, final sigma and the letters without a mark, where a part's edge could matter.
      fc.constantFrom('', 'Σ', 'ΟΔΟΣ', '\u0301e', 'é', 'Ø', 'ß', 'İ', '\u2022', ' ', 'A\u0308'),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        expect(foldSearchParts(parts)).toBe(foldSearch(joinSearchParts(parts)));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds plain ASCII to lower case only', () => {
    expect(foldSearchParts(['Ada', '', 'ACME Inc.', 'ada@x.example'])).toBe(
      'ada \u2022 acme inc. \u2022 ada@x.example',
    );
  });
});
