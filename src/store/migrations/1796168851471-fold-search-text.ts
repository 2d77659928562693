import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types.
type AnyDb = Kysely<any>;

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

/** A frozen copy of store/search-text.ts's foldSearch as it was when this migration landed. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđðþßæœı]/g, (c) => LETTERS[c] ?? c);
}

/**
 * Search now folds accents ("nunez" finds "Núñez"): the stored text is re-folded once. Rewritten
 * whole rather than row by row, because on SQLite contact_search is an FTS5 table whose UNINDEXED
 * key columns would make each single-row UPDATE a full scan.
 */
export async function up(db: AnyDb): Promise<void> {
  const rows: { account_id: string; contact_id: string; body: string }[] = await db
    .selectFrom('contact_search')
    .select(['account_id', 'contact_id', 'body'])
    .execute();
  if (!rows.some((r) => fold(r.body) !== r.body)) return;
  await db.deleteFrom('contact_search').execute();
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300).map((r) => ({ ...r, body: fold(r.body) }));
    await db.insertInto('contact_search').values(chunk).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
