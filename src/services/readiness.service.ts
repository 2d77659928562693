import { pingDatabase } from '../store/readiness.repo';
import type { Deps } from './deps';

/** What `/readyz` reports: ready only when the database answers and the server is not stopping. */
export type Readiness = { ready: true } | { ready: false; reason: string };

export async function readiness(deps: Deps, draining: boolean): Promise<Readiness> {
  if (draining) return { ready: false, reason: 'the server is shutting down' };
  try {
    await pingDatabase(deps.store.read);
    return { ready: true };
  } catch (error) {
    return {
      ready: false,
      reason: `the database does not answer: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
