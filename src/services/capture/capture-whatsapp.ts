import { DateTime } from 'luxon';
import { nameId } from '../../capture/linkedin-messages';
import { readWhatsAppChat, type WhatsAppChat } from '../../capture/whatsapp-chat';
import type { CaptureRun, SourceSettings } from '../../contract/capture';
import { BODY_CHARS, type UploadQuery } from '../../contract/capture-messages';
import { type ChatMessage, chatDayKey, groupChatDays } from '../../core/chat-days';
import { Invalid } from '../../core/errors';
import { safeZone } from '../../core/instant';
import { decodeLines } from '../../formats/decode';
import { findAccount } from '../../store/accounts.repo';
import {
  addSourceCounts,
  capturedByKeys,
  insertCapturedItems,
  type SourceRow,
} from '../../store/capture.repo';
import type { ContactRow } from '../../store/contacts.repo';
import type { NewRow } from '../../store/database';
import type { Deps } from '../deps';
import { recordInteractionsIn } from '../interactions.service';
import { requireContact } from '../require-contact';
import { emptyRun } from './capture-mail';
import { chatText } from './chat-text';

/** Which sender is the contact and which is the user; a group chat is refused, never split. */
export function chatSides(
  chat: WhatsAppChat,
  contact: ContactRow,
  ownName: string | undefined,
): { own: string } {
  const senders = [...new Set(chat.messages.map((m) => m.sender))];
  const shown = senders.map((s) => `"${s}"`).join(', ');
  if (senders.length > 2)
    throw new Invalid(
      `this is a group chat (${senders.length} people write in it: ${shown}); Tend reads one-to-one chats: export the chat with ${contact.first_name} alone`,
      'body',
    );
  if (ownName) {
    if (senders.length > 0 && !senders.some((s) => nameId(s) === nameId(ownName)))
      throw new Invalid(`"${ownName}" never writes in this chat; the people in it are ${shown}`, 'ownName');
    return { own: nameId(ownName) };
  }
  const names = new Set([nameId(`${contact.first_name} ${contact.last_name}`), nameId(contact.first_name)]);
  const theirs = senders.filter((s) => names.has(nameId(s)));
  const mine = senders.filter((s) => !names.has(nameId(s)));
  if (theirs.length === 1 && mine.length <= 1) return { own: mine[0] ? nameId(mine[0]) : '' };
  throw new Invalid(
    `cannot tell which of ${shown} is you and which is ${contact.first_name}: give ownName (your name as the chat writes it)`,
    'ownName',
  );
}

/**
 * Turns one WhatsApp chat export into interactions with the contact the source names (channel
 * text), one per day and direction, in one transaction. The key is the day and direction, so the
 * same export twice, or a longer later one, adds only the days not captured yet.
 */
export async function captureWhatsApp(
  deps: Deps,
  source: SourceRow,
  settings: SourceSettings,
  file: AsyncIterable<Uint8Array>,
  query: UploadQuery,
): Promise<CaptureRun> {
  const accountId = source.account_id;
  if (!settings.contactId) throw new Invalid('this WhatsApp source names no contact', 'contactId');
  const contact = await requireContact(deps.store.read, accountId, settings.contactId);
  const keep = source.store_bodies === 1;
  const chat = await readWhatsAppChat(decodeLines(await chatText(file)), {
    dateOrder: query.dateOrder,
    keepText: keep,
  });
  if (chat.messages.length === 0 && chat.malformed > 0 && chat.system === 0)
    throw new Invalid(`not a WhatsApp chat export: ${chat.errors[0] ?? ''}`, 'body');
  const { own } = chatSides(chat, contact, settings.ownName);
  const run: CaptureRun = {
    ...emptyRun(),
    seen: chat.messages.length + chat.malformed,
    failed: chat.malformed,
  };
  run.errors = chat.errors;
  const messages: ChatMessage[] = chat.messages.map((m) => ({
    day: m.day,
    time: m.time,
    direction: nameId(m.sender) === own ? 'outbound' : 'inbound',
    text: m.text,
  }));
  if (contact.capture === 0) {
    run.skipped = { dont_capture: messages.length };
    await addSourceCounts(deps.store.read, accountId, source.id, {
      seen: run.seen,
      captured: 0,
      skipped: messages.length,
      failed: run.failed,
    });
    return run;
  }
  const days = groupChatDays(messages, BODY_CHARS);
  const zone = safeZone((await findAccount(deps.store.read, accountId))?.time_zone);
  const now = deps.clock().toISOString();
  await deps.store.transaction(async (tx) => {
    const keyOf = (d: (typeof days)[number]) => `whatsapp:${chatDayKey(d)}`;
    const known = new Set(
      (await capturedByKeys(tx, accountId, days.map(keyOf)))
        .filter((k) => k.contact_id === contact.id)
        .map((k) => k.item_key),
    );
    const interactions: NewRow<'interactions'>[] = [];
    const items: NewRow<'captured_items'>[] = [];
    let duplicates = 0;
    let captured = 0;
    for (const d of days) {
      if (known.has(keyOf(d))) {
        duplicates += d.messages;
        continue;
      }
      const id = deps.newId();
      // The phone writes its own local time; the account's zone is the best reading of it.
      const at =
        DateTime.fromISO(`${d.day}T${d.first}`, { zone }).toUTC().toISO() ?? `${d.day}T00:00:00.000Z`;
      const counted = `${d.messages} WhatsApp message${d.messages === 1 ? '' : 's'}`;
      interactions.push({
        account_id: accountId,
        id,
        contact_id: contact.id,
        channel: 'text',
        direction: d.direction,
        occurred_at: at,
        summary: keep && d.text ? d.text : counted,
        topics: '[]',
        // My last words in the chat wait for their answer (F17).
        awaiting_reply: d.direction === 'outbound' && d === days.at(-1) ? 1 : 0,
        retry_step: 0,
        created_at: now,
      });
      items.push({
        account_id: accountId,
        source_id: source.id,
        item_key: keyOf(d),
        contact_id: contact.id,
        interaction_id: id,
        direction: d.direction,
      });
      captured += d.messages;
    }
    await recordInteractionsIn(deps, tx, accountId, interactions);
    await insertCapturedItems(tx, items);
    await addSourceCounts(tx, accountId, source.id, {
      seen: run.seen,
      captured,
      skipped: duplicates,
      failed: run.failed,
    });
    run.captured = interactions.length;
    if (duplicates) run.skipped = { duplicate: duplicates };
  });
  return run;
}
