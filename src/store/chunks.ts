/**
 * Rows per multi-row statement. SQLite allows 32,766 bound variables and PostgreSQL 65,535; the
 * widest table (contacts, 27 columns) stays under both at 500 rows.
 */
export const ROWS_PER_STATEMENT = 500;

/** Splits a list into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
