import type { OutboundPolicy } from '../capture/outbound';
import type { Store } from '../store/store';

/** What every service needs: the store, a clock and an id source (both injectable, so tests fix them). */
export interface Deps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  /** Seals capture credentials (src/secret-key.ts); without it, sources that need a password are refused. */
  secretKey?: Buffer;
  /** Which addresses capture and sync may reach for a user (src/capture/outbound.ts); unset = any. */
  outbound?: OutboundPolicy;
}

export function outboundOf(deps: Pick<Deps, 'outbound'>): OutboundPolicy {
  return deps.outbound ?? { privateNetworks: true };
}

export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock().toISOString();
}
