import { chunks, ROWS_PER_STATEMENT } from './chunks';

/**
 * The rows `fetch` returns for many ids, one statement per `size` ids (SQLite and PostgreSQL cap
 * bound parameters; see ROWS_PER_STATEMENT), concatenated in the order of the slices.
 */
export async function rowsByIds<Id, Row>(
  ids: readonly Id[],
  fetch: (part: Id[]) => Promise<Row[]>,
  size = ROWS_PER_STATEMENT,
): Promise<Row[]> {
  const out: Row[] = [];
  for (const part of chunks(ids, size)) out.push(...(await fetch(part)));
  return out;
}

/**
 * rowsByIds as a Map from `key(row)` to `value(row)`. When several rows share a key the first one
 * `fetch` returned is kept, so a query ordered by preference gives the preferred row per key.
 */
export async function mapByIds<Id, Row, K, V>(
  ids: readonly Id[],
  fetch: (part: Id[]) => Promise<Row[]>,
  key: (row: Row) => K,
  value: (row: Row) => V,
  size = ROWS_PER_STATEMENT,
): Promise<Map<K, V>> {
  const out = new Map<K, V>();
  for (const part of chunks(ids, size))
    for (const row of await fetch(part)) {
      const k = key(row);
      if (!out.has(k)) out.set(k, value(row));
    }
  return out;
}
