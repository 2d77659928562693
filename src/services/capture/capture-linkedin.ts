import {
  type LinkedInMessage,
  type LinkedInPerson,
  nameId,
  ownSide,
  readLinkedInMessages,
} from '../../capture/linkedin-messages';
import type { CaptureRun, SourceSettings } from '../../contract/capture';
import { BODY_CHARS } from '../../contract/capture-messages';
import { MAX_PEOPLE } from '../../core/capture-rules';
import { linkedinKey } from '../../core/duplicate-keys';
import { Invalid } from '../../core/errors';
import {
  addSourceCounts,
  addSuggestions,
  capturedByKeys,
  insertCapturedItems,
  type SourceRow,
} from '../../store/capture.repo';
import { captureLinks, captureNames } from '../../store/capture-people.repo';
import type { NewRow } from '../../store/database';
import type { Store } from '../../store/store';
import type { Deps } from '../deps';
import { recordInteractionsIn } from '../interactions.service';
import { emptyRun } from './capture-mail';

/** A messages.csv of ten years is some 50,000 rows; past this it is not one person's inbox. */
export const MAX_LINKEDIN_MESSAGES = 500_000;
const MAX_ERRORS_KEPT = 20;

type Match = { id: string; capture: boolean };

/** Profile key → contact, and name → the contacts that have it (two means: never guess). */
async function linkedInDirectory(db: Store['read'], accountId: string) {
  const byProfile = new Map<string, Match>();
  for (const l of await captureLinks(db, accountId)) {
    const key = linkedinKey(l.url);
    if (key && !byProfile.has(key)) byProfile.set(key, { id: l.contact_id, capture: l.capture === 1 });
  }
  const byName = new Map<string, Match[]>();
  for (const c of await captureNames(db, accountId)) {
    const key = nameId(`${c.first_name} ${c.last_name}`);
    byName.set(key, [...(byName.get(key) ?? []), { id: c.id, capture: c.capture === 1 }]);
  }
  return (p: LinkedInPerson): Match | undefined => {
    const byUrl = p.profile ? byProfile.get(p.profile) : undefined;
    if (byUrl) return byUrl;
    const named = p.name ? byName.get(nameId(p.name)) : undefined;
    return named?.length === 1 ? named[0] : undefined;
  };
}

function bounded(text: string): string {
  return text.length > BODY_CHARS ? `${text.slice(0, BODY_CHARS - 1)}…` : text;
}

/**
 * Turns a LinkedIn messages.csv into interactions (channel linkedin), in one transaction: a file
 * that fails leaves nothing behind. Each message is keyed by conversation, date and sender, so a
 * second import (or a later, longer export) adds only the new messages. Conversations of more than
 * MAX_PEOPLE are skipped; unmatched senders with a profile become suggestions.
 */
export async function captureLinkedIn(
  deps: Deps,
  source: SourceRow,
  settings: SourceSettings,
  file: AsyncIterable<Uint8Array>,
): Promise<CaptureRun> {
  const accountId = source.account_id;
  const keep = source.store_bodies === 1;
  const run = emptyRun();
  const messages: LinkedInMessage[] = [];
  for await (const item of readLinkedInMessages(file, { keepContent: keep })) {
    run.seen++;
    if (item.ok) messages.push(item.message);
    else {
      run.failed++;
      if (run.errors.length < MAX_ERRORS_KEPT) run.errors.push(item.error);
    }
    if (messages.length > MAX_LINKEDIN_MESSAGES)
      throw new Invalid(`more than ${MAX_LINKEDIN_MESSAGES} messages: split the file`, 'body');
  }
  if (messages.length === 0 && run.failed === 0)
    throw new Invalid('the file has a header but no messages', 'body');
  const own = messages.length
    ? ownSide(messages, { profileUrl: settings.ownProfileUrl, name: settings.ownName })
    : '';
  const isOwn = (p: LinkedInPerson) => p.id === own || nameId(p.name) === own;
  messages.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));

  const people = new Map<string, Map<string, LinkedInPerson>>();
  for (const m of messages) {
    const inConversation = people.get(m.conversation) ?? new Map<string, LinkedInPerson>();
    people.set(m.conversation, inConversation);
    for (const p of [m.from, ...m.to]) inConversation.set(p.id, p);
  }
  const match = await linkedInDirectory(deps.store.read, accountId);
  const now = deps.clock().toISOString();
  const skipped: CaptureRun['skipped'] = {};
  const skip = (reason: keyof CaptureRun['skipped']) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const keyOf = (m: LinkedInMessage) => `linkedin:${m.conversation}:${m.date}:${m.from.id}`;

  await deps.store.transaction(async (tx) => {
    const known = await capturedByKeys(tx, accountId, messages.map(keyOf));
    const done = new Set(known.map((k) => `${k.item_key}\n${k.contact_id}`));
    /** Per conversation and contact, whether the last message was theirs (then mine answers it). */
    const theirTurn = new Set<string>();
    const interactions: NewRow<'interactions'>[] = [];
    const items: NewRow<'captured_items'>[] = [];
    const strangers = new Map<string, NewRow<'capture_suggestions'>>();
    let capturedMessages = 0;
    for (const m of messages) {
      const inConversation = people.get(m.conversation) ?? new Map();
      if (inConversation.size > MAX_PEOPLE) {
        skip('crowd');
        continue;
      }
      const outbound = m.direction ? m.direction === 'outbound' : isOwn(m.from);
      const counterparts = outbound
        ? (m.to.length ? m.to : [...inConversation.values()]).filter((p) => !isOwn(p))
        : [m.from];
      if (counterparts.length === 0) {
        skip('own');
        continue;
      }
      const key = keyOf(m);
      let added = false;
      let duplicate = false;
      let refused = false;
      let stranger = false;
      for (const p of counterparts) {
        const contact = match(p);
        if (!contact) {
          stranger = true;
          if (p.profile) noteStranger(strangers, accountId, p, m.date);
          continue;
        }
        if (!contact.capture) {
          refused = true;
          continue;
        }
        const turn = `${m.conversation}\n${contact.id}`;
        const answersThem = theirTurn.has(turn);
        if (outbound) theirTurn.delete(turn);
        else theirTurn.add(turn);
        if (done.has(`${key}\n${contact.id}`)) {
          duplicate = true;
          continue;
        }
        done.add(`${key}\n${contact.id}`);
        const id = deps.newId();
        const summary =
          keep && m.content ? bounded(m.subject ? `${m.subject}\n\n${m.content}` : m.content) : m.subject;
        interactions.push({
          account_id: accountId,
          id,
          contact_id: contact.id,
          channel: 'linkedin',
          direction: outbound ? 'outbound' : 'inbound',
          occurred_at: m.date,
          summary: summary.slice(0, BODY_CHARS),
          topics: '[]',
          awaiting_reply: outbound && !answersThem ? 1 : 0,
          retry_step: 0,
          created_at: now,
        });
        items.push({
          account_id: accountId,
          source_id: source.id,
          item_key: key,
          contact_id: contact.id,
          interaction_id: id,
          direction: outbound ? 'outbound' : 'inbound',
        });
        added = true;
      }
      if (added) capturedMessages++;
      else skip(duplicate ? 'duplicate' : refused ? 'dont_capture' : stranger ? 'unknown' : 'own');
    }
    await recordInteractionsIn(deps, tx, accountId, interactions);
    await insertCapturedItems(tx, items);
    await addSuggestions(tx, [...strangers.values()]);
    const skippedTotal = Object.values(skipped).reduce((a, b) => a + b, 0);
    await addSourceCounts(tx, accountId, source.id, {
      seen: run.seen,
      captured: capturedMessages,
      skipped: skippedTotal,
      failed: run.failed,
    });
    run.captured = interactions.length;
  });
  run.skipped = skipped;
  return run;
}

function noteStranger(
  into: Map<string, NewRow<'capture_suggestions'>>,
  accountId: string,
  p: LinkedInPerson,
  date: string,
): void {
  const address = p.profile ?? p.id;
  const s = into.get(address);
  if (s) {
    s.messages++;
    if (date > s.last_at) s.last_at = date;
    if (p.name) s.name = p.name;
  } else into.set(address, { account_id: accountId, address, name: p.name, messages: 1, last_at: date });
}
