/**
 * The page parameter of a cursor list's first page: no cursor yet. Typed as the cursor the later
 * pages carry, so `useInfiniteQuery` infers `string | undefined` for every page parameter.
 */
export const FIRST_CURSOR: string | undefined = undefined;
