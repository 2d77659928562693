import type { Brief } from '../contract/brief';
import { tally } from '../core/ledger';
import { listFacts } from '../store/facts.repo';
import { listInteractions } from '../store/interactions.repo';
import { contactLedgerCounts } from '../store/ledger.repo';
import { listLifeEvents } from '../store/life-events.repo';
import { listNotes } from '../store/notes.repo';
import { listTasks } from '../store/tasks.repo';
import { displayName } from './contact-dto';
import type { Deps } from './deps';
import { toFactDto } from './facts.service';
import { contactHealth } from './health.service';
import { toInteractionDto } from './interactions.service';
import { toLifeEventDto } from './life-events.service';
import { toNoteDto } from './notes.service';
import { requireContact } from './require-contact';
import { toTaskDto } from './tasks.service';

const DAY = 86_400_000;
/** The same window the drafts use for a "recent win", so the brief and the draft agree. */
const WIN_DAYS = 30;

/** "Before you reach out": pinned facts and notes, the last topic, a recent win, open tasks, health, balance. */
export async function contactBrief(deps: Deps, accountId: string, contactId: string): Promise<Brief> {
  const db = deps.store.read;
  const contact = await requireContact(db, accountId, contactId);
  const nowMs = deps.clock().getTime();
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const winSince = new Date(nowMs - WIN_DAYS * DAY).toISOString().slice(0, 10);
  const [facts, notes, latest, events, tasks, counts, health] = await Promise.all([
    listFacts(db, accountId, contactId),
    listNotes(db, accountId, contactId),
    listInteractions(db, accountId, contactId, 1),
    listLifeEvents(db, accountId, contactId),
    listTasks(db, accountId, { contactId, open: true }),
    contactLedgerCounts(db, accountId, contactId),
    contactHealth(deps, accountId, contactId),
  ]);
  const last = latest[0] ? toInteractionDto(latest[0]) : null;
  // Newest first, so the first one inside the window is the freshest news (future-dated ones wait).
  const win = events.find((e) => e.occurred_on >= winSince && e.occurred_on <= today);
  const ledger = tally(counts.map((c) => ({ kind: c.kind, count: c.n })));
  return {
    contactId,
    name: displayName(contact),
    pinnedFacts: facts.filter((f) => f.pinned === 1).map(toFactDto),
    pinnedNotes: notes.filter((n) => n.pinned === 1).map(toNoteDto),
    lastTopic: last && {
      interactionId: last.id,
      occurredAt: last.occurredAt,
      channel: last.channel,
      direction: last.direction,
      topics: last.topics,
      summary: last.summary,
    },
    recentWin: win ? toLifeEventDto(win) : null,
    openTasks: tasks.map(toTaskDto),
    health: { score: health.score, explanation: health.explanation, oneSided: health.oneSided.sentence },
    ledger,
  };
}
