import type { Store } from '../store/store';

/** What every service needs: the store, a clock and an id source (both injectable, so tests fix them). */
export interface Deps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  /** Seals capture credentials (src/secret-key.ts); without it, sources that need a password are refused. */
  secretKey?: Buffer;
}

export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock().toISOString();
}
