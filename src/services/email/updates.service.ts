import { DateTime } from 'luxon';
import { ContactFilter } from '../../contract/contacts';
import type {
  Update,
  UpdateCreate,
  UpdatePreview,
  UpdateSent,
  UpdateSettingsPatch,
  UpdatesDue,
} from '../../contract/updates';
import { deepLinks } from '../../core/deep-links';
import { Conflict, Invalid, NotFound } from '../../core/errors';
import { renderUpdate, unknownVariables } from '../../core/update-template';
import { findAccount, updateAccount } from '../../store/accounts.repo';
import { type ContactRow, listContacts, loadChildren } from '../../store/contacts.repo';
import type { NewRow } from '../../store/database';
import { insertInteraction } from '../../store/interactions.repo';
import { findSegment } from '../../store/segments.repo';
import type { Conn } from '../../store/store';
import {
  findUpdate,
  insertRecipients,
  insertUpdate,
  lastUpdateSentAt,
  listRecipients,
  listUpdates,
  markUpdateSent,
  ownerName,
  type UpdateRow,
} from '../../store/updates.repo';
import { displayName } from '../contact-dto';
import { type Deps, nowIso } from '../deps';
import { refreshSchedule } from '../schedule';
import { enqueueMessage } from './outbox.service';

/** More than this many people is not a personal update any more. */
export const MAX_UPDATE_RECIPIENTS = 2000;

function toDto(r: UpdateRow): Update {
  return {
    id: r.id,
    subject: r.subject,
    body: r.body,
    segmentId: r.segment_id,
    filter: r.filter === null ? null : ContactFilter.parse(r.filter),
    createdAt: r.created_at,
    sentAt: r.sent_at,
    sendMode: r.send_mode,
  };
}

async function requireUpdate(db: Conn, accountId: string, id: string): Promise<UpdateRow> {
  const row = await findUpdate(db, accountId, id);
  if (!row) throw new NotFound('update not found');
  return row;
}

/** F16: a draft update to a segment or filter; nothing is sent until `sendUpdate`. */
export async function createUpdate(deps: Deps, accountId: string, input: UpdateCreate): Promise<Update> {
  const db = deps.store.read;
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownVariables(input[field]);
    if (unknown.length > 0)
      throw new Invalid(`unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}`, field);
  }
  if (input.segmentId && !(await findSegment(db, accountId, input.segmentId)))
    throw new Invalid('segment not found', 'segmentId');
  const row = {
    account_id: accountId,
    id: deps.newId(),
    subject: input.subject,
    body: input.body,
    segment_id: input.segmentId ?? null,
    filter: input.filter ? JSON.stringify(input.filter) : null,
    created_at: nowIso(deps),
    sent_at: null,
    send_mode: null,
  };
  await insertUpdate(db, row);
  return toDto({ ...row, filter: input.filter ?? null });
}

export async function listUpdateItems(deps: Deps, accountId: string): Promise<Update[]> {
  return (await listUpdates(deps.store.read, accountId)).map(toDto);
}

export async function getUpdate(deps: Deps, accountId: string, id: string): Promise<Update> {
  return toDto(await requireUpdate(deps.store.read, accountId, id));
}

interface Copy {
  contact: ContactRow;
  email: string | null;
  subject: string;
  body: string;
}

/** The update's audience now (the segment's filter applied afresh), each with a personalised copy. */
async function personalise(db: Conn, accountId: string, update: UpdateRow): Promise<Copy[]> {
  let filter: ContactFilter;
  if (update.segment_id) {
    const segment = await findSegment(db, accountId, update.segment_id);
    if (!segment) throw new Conflict('the segment of this update was deleted');
    filter = ContactFilter.parse(segment.filter);
  } else filter = ContactFilter.parse(update.filter ?? {});
  const contacts: ContactRow[] = [];
  let after: { sortName: string; id: string } | undefined;
  for (;;) {
    const page = await listContacts(db, accountId, { ...filter, after, limit: 500 });
    contacts.push(...page.slice(0, 500));
    if (contacts.length > MAX_UPDATE_RECIPIENTS)
      throw new Invalid(`more than ${MAX_UPDATE_RECIPIENTS} people match; narrow the segment`, 'segmentId');
    const last = page[499];
    if (page.length <= 500 || !last) break;
    after = { sortName: last.sort_name, id: last.id };
  }
  const myName = await ownerName(db, accountId);
  const children = await loadChildren(
    db,
    accountId,
    contacts.map((c) => c.id),
  );
  return contacts.map((contact) => {
    const vars = {
      firstName: contact.first_name,
      lastName: contact.last_name,
      fullName: displayName(contact),
      company: contact.company ?? '',
      myName,
    };
    return {
      contact,
      email: children.get(contact.id)?.emails[0]?.value ?? null,
      subject: renderUpdate(update.subject, vars),
      body: renderUpdate(update.body, vars),
    };
  });
}

/** Each recipient's personalised copy and whether they have an e-mail; after sending, the copies as sent. */
export async function previewUpdate(deps: Deps, accountId: string, id: string): Promise<UpdatePreview> {
  const db = deps.store.read;
  const update = await requireUpdate(db, accountId, id);
  const recipients = update.sent_at
    ? (await listRecipients(db, accountId, id)).map((r) => ({
        contactId: r.contact_id,
        name: `${r.first_name} ${r.last_name}`.trim(),
        email: r.email,
        subject: r.subject,
        body: r.body,
      }))
    : (await personalise(db, accountId, update)).map((c) => ({
        contactId: c.contact.id,
        name: displayName(c.contact),
        email: c.email,
        subject: c.subject,
        body: c.body,
      }));
  const withEmail = recipients.filter((r) => r.email !== null).length;
  return {
    updateId: id,
    sent: update.sent_at !== null,
    withEmail,
    withoutEmail: recipients.length - withEmail,
    recipients,
  };
}

/**
 * The explicit send. smtp: one outbox message per recipient with an e-mail (key
 * `update:<id>:<contact>`); drafts: a mailto link per recipient. Either way each recipient gets an
 * outbound e-mail interaction, all in one transaction; a second send is a 409.
 */
export async function sendUpdate(
  deps: Deps,
  accountId: string,
  id: string,
  mode: 'smtp' | 'drafts',
): Promise<UpdateSent> {
  return deps.store.transaction(async (trx) => {
    const update = await requireUpdate(trx, accountId, id);
    const now = nowIso(deps);
    if (!(await markUpdateSent(trx, accountId, id, mode, now)))
      throw new Conflict('this update was already sent');
    const copies = await personalise(trx, accountId, update);
    const result: UpdateSent = { updateId: id, mode, recipients: [], skipped: [] };
    const rows: NewRow<'update_recipients'>[] = [];
    for (const copy of copies) {
      const name = displayName(copy.contact);
      if (!copy.email) {
        result.skipped.push({ contactId: copy.contact.id, name, reason: 'no e-mail address' });
        continue;
      }
      const interactionId = deps.newId();
      await insertInteraction(trx, {
        account_id: accountId,
        id: interactionId,
        contact_id: copy.contact.id,
        channel: 'email',
        direction: 'outbound',
        occurred_at: now,
        summary: `Update: ${copy.subject}`,
        topics: '[]',
        awaiting_reply: 0,
        retry_step: 0,
        created_at: now,
      });
      await refreshSchedule(deps, trx, accountId, copy.contact.id, { created: false });
      const outboxId =
        mode === 'smtp'
          ? (
              await enqueueMessage(deps, trx, accountId, {
                kind: 'update',
                idempotencyKey: `update:${id}:${copy.contact.id}`,
                to: copy.email,
                subject: copy.subject,
                text: copy.body,
                html: null,
              })
            ).id
          : null;
      const mailto = mode === 'drafts' ? deepLinks({ email: copy.email }, copy).mailto : null;
      rows.push({
        account_id: accountId,
        update_id: id,
        contact_id: copy.contact.id,
        channel: mode === 'smtp' ? 'email' : 'draft',
        email: copy.email,
        subject: copy.subject,
        body: copy.body,
        outbox_id: outboxId,
        interaction_id: interactionId,
      });
      result.recipients.push({
        contactId: copy.contact.id,
        name,
        email: copy.email,
        channel: mode === 'smtp' ? 'email' : 'draft',
        outboxId,
        mailto,
        interactionId,
      });
    }
    // Rolls the whole send back: an update to nobody is a mistake, not a sent update.
    if (rows.length === 0) throw new Conflict('nobody in this audience has an e-mail address');
    await insertRecipients(trx, rows);
    return result;
  });
}

/** Whether it is time for another update: none sent in the last `everyMonths` months (the web shows a banner). */
export async function updatesDue(deps: Deps, accountId: string): Promise<UpdatesDue> {
  const db = deps.store.read;
  const account = await findAccount(db, accountId);
  if (!account) throw new NotFound('account not found');
  const lastSentAt = await lastUpdateSentAt(db, accountId);
  const everyMonths = account.update_every_months;
  const dueAt = lastSentAt
    ? DateTime.fromISO(lastSentAt, { zone: account.time_zone }).plus({ months: everyMonths })
    : null;
  return { due: !dueAt || dueAt.toMillis() <= deps.clock().getTime(), lastSentAt, everyMonths };
}

export async function patchUpdateSettings(
  deps: Deps,
  accountId: string,
  patch: UpdateSettingsPatch,
): Promise<UpdatesDue> {
  await updateAccount(deps.store.read, accountId, { update_every_months: patch.everyMonths });
  return updatesDue(deps, accountId);
}
