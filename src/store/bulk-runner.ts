/**
 * A dialect's faster way to run one compiled INSERT over many parameter rows, where it has one:
 * SQLite runs a prepared single-row statement in a loop on its own handle, which a 30,000-contact
 * commit did faster than 500-row VALUES lists through Kysely's driver. Keyed by the Kysely adapter
 * (one per database, shared by its transactions). PostgreSQL has none and keeps multi-row inserts.
 */
export interface BulkRunner {
  /** Runs `sql` once per parameter row, all or none (inside the caller's transaction). */
  runMany(sql: string, rows: readonly unknown[][]): void;
}

const runners = new WeakMap<object, BulkRunner>();

export function registerBulkRunner(adapter: object, runner: BulkRunner): void {
  runners.set(adapter, runner);
}

export function bulkRunnerOf(adapter: object): BulkRunner | undefined {
  return runners.get(adapter);
}
