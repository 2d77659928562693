import type { Insertable } from 'kysely';
import type { CircleKind } from '../src/core/vocabulary';
import type { Database } from '../src/store/database';
import type { Rng } from './rng';

// The types the dataset generator and its writers share; a module of its own so that
// dataset.ts and dataset-details.ts do not import each other.

export type BenchTable = Exclude<keyof Database, 'sessions' | 'api_tokens' | 'saved_segments'>;

/** Where rows go: `insert` may buffer; `drain` flushes full buffers between contacts, or all of them at the end. */
export interface Sink {
  insert<T extends BenchTable>(table: T, row: Insertable<Database[T]>): void;
  drain(final?: boolean): Promise<void>;
}

/** Pre-generated text the rows pick from, so 2 million rows do not call faker 2 million times. */
export interface TextPools {
  summaries: string[];
  topics: string[];
  factValues: string[];
  eventTitles: string[];
  noteBodies: string[];
  taskTitles: string[];
}

export interface ContactContext {
  rng: Rng;
  text: TextPools;
  accountId: string;
  circles: Map<CircleKind, string>;
}
