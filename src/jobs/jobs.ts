/** The running scheduled work, whichever runner (croner in-process, pg-boss) the store chose. */
export interface Jobs {
  /** Asks for a tick now (SQLite: runs it; PostgreSQL: queues one for whichever instance is free). */
  runNow(): Promise<void>;
  /** No new tick starts; resolves once the one in progress (if any) has finished. */
  stop(): Promise<void>;
}
