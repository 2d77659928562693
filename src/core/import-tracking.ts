/**
 * Most people have 20–300 contacts who matter among 1k–30k imported (PRODUCT.md): a file with more
 * new people than this comes in untracked unless asked, so Today and the capacity plan are not
 * flooded with cadences nobody chose.
 */
export const TRACK_BY_DEFAULT_MAX = 300;

/** Whether an import's new contacts get a cadence when the user did not say. */
export function trackByDefault(newContacts: number): boolean {
  return newContacts <= TRACK_BY_DEFAULT_MAX;
}
