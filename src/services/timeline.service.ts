import type { TimelineEntry } from '../contract/timeline';
import { listInteractions } from '../store/interactions.repo';
import { listLifeEvents } from '../store/life-events.repo';
import { listNotes } from '../store/notes.repo';
import type { Deps } from './deps';
import { toInteractionDto } from './interactions.service';
import { toLifeEventDto } from './life-events.service';
import { toNoteDto } from './notes.service';
import { requireContact } from './require-contact';

/** Interactions, notes and life events of one contact in one list, newest first. */
export async function contactTimeline(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<TimelineEntry[]> {
  const db = deps.store.read;
  await requireContact(db, accountId, contactId);
  const [interactions, notes, events] = await Promise.all([
    listInteractions(db, accountId, contactId),
    listNotes(db, accountId, contactId),
    listLifeEvents(db, accountId, contactId),
  ]);
  const entries: TimelineEntry[] = [
    ...interactions.map((r) => ({ type: 'interaction' as const, at: r.occurred_at, ...toInteractionDto(r) })),
    ...notes.map((r) => ({ type: 'note' as const, at: r.created_at, ...toNoteDto(r) })),
    // A life event has a day, not an instant: it sorts at the start of that day (UTC).
    ...events.map((r) => ({
      type: 'life_event' as const,
      at: `${r.occurred_on}T00:00:00.000Z`,
      ...toLifeEventDto(r),
    })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}
