/** Lower-cased terms of a search query; `%` and `_` become separators so LIKE patterns stay literal. */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
