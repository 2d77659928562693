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
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđðþßæœı]/g, (c) => LETTERS[c] ?? c);
}

/** Folded terms of a search query; `%` and `_` become separators so LIKE patterns stay literal. */
export function searchTerms(query: string): string[] {
  return foldSearch(query)
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
