// Any 7-bit text, control characters included.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point here.
const ASCII = /^[\x00-\x7f]*$/;

/** Letters that carry no combining mark to strip, spelled as a person searching would type them. */
const LETTERS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * Lower case without accents ("Núñez" → "nunez", "Łódź" → "lodz"). Both the stored search text
 * and the query go through it, so the match is the same plain LIKE on SQLite and PostgreSQL.
 */
export function foldSearch(text: string): string {
  // Plain ASCII is its own NFKD form with no marks and none of LETTERS: lower case is the whole fold.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđðþßæœı]/g, (c) => LETTERS[c] ?? c);
}

/** Between the parts of a search body. */
export const PART_SEPARATOR = ' \u2022 ';

/**
 * The folded search body of its parts (empty ones left out), the same as folding the joined text:
 * NFKD only decomposes, and the separator starts with a space, so no mark reorders across it and
 * no final sigma changes. Folding part by part lets the ASCII parts (most of them) skip normalisation,
 * which the separator (U+2022) would otherwise force on the whole body: ~30,000 bodies a LinkedIn import.
 */
export function foldSearchParts(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    out = out ? out + PART_SEPARATOR + foldSearch(part) : foldSearch(part);
  }
  return out;
}

/** Folded terms of a search query; `%` and `_` become separators so LIKE patterns stay literal. */
export function searchTerms(query: string): string[] {
  return foldSearch(query)
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
