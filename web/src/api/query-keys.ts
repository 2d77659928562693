/**
 * The roots of the query keys that more than one feature refreshes (a logged interaction touches
 * the timeline, brief, health, contacts and Today). Each feature's `queries.ts` builds its own keys
 * on these, and the others import them from here rather than from that feature, so no two
 * `queries.ts` files import each other.
 */
export const queryKeys = {
  auth: ['auth', 'state'] as const,
  today: ['today'] as const,
  capacity: ['capacity'] as const,
  circles: ['circles'] as const,
  contacts: ['contacts'] as const,
  ledger: ['ledger'] as const,
  updates: ['updates'] as const,
  importantDates: ['important-dates'] as const,
  importantDatesOf: (contactId: string) => ['important-dates', contactId] as const,
  brief: (contactId: string | null) => ['brief', contactId] as const,
  health: (contactId: string) => ['health', contactId] as const,
  timeline: (contactId: string) => ['timeline', contactId] as const,
};
