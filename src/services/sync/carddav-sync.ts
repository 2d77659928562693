import type { CountryCode } from 'libphonenumber-js';
import { type CardDavClient, CardDavError, type RemoteCard } from '../../capture/carddav-client';
import type { CarddavRun, ConflictField } from '../../contract/carddav';
import { classifyRow } from '../../core/classify-import';
import { buildDedupeIndex } from '../../core/duplicate-keys';
import { regionOfZone } from '../../core/import-region';
import type { ContactLike, ImportedContact } from '../../formats/imported-contact';
import {
  changedFields,
  clashingFields,
  fieldValue,
  mergeCard,
  pickFields,
  readOneCard,
} from '../../formats/vcard-merge';
import { findAccount } from '../../store/accounts.repo';
import {
  type ConflictRow,
  conflictsOf,
  contactStamps,
  deleteConflict,
  deleteLink,
  type LinkRow,
  linksOf,
  type SubscriptionRow,
  unlinkedContactsSince,
  updateSubscription,
  upsertConflict,
  upsertLink,
} from '../../store/carddav.repo';
import { findContact } from '../../store/contacts.repo';
import { ensureBook } from '../../store/dav.repo';
import { loadDedupeContacts } from '../../store/imports.repo';
import type { Conn } from '../../store/store';
import { patchContactIn, removeContactIn } from '../contacts.service';
import { type Deps, nowIso } from '../deps';
import { clipContact } from '../imports/import-rows';
import { applyCard, cardProblem } from './dav-put';
import { renderCard } from './dav-render';

/** A card to write after the pull commits: `etag` null creates it (If-None-Match: *). */
interface Push {
  href: string;
  etag: string | null;
  body: string;
  contactId: string;
  stamp: string;
  noteId: string | null;
}

/** A contact's fields as a card carries them (the DAV server's rendering, read back). */
export async function tendLike(tx: Conn, accountId: string, contactId: string): Promise<ImportedContact> {
  const read = await readOneCard((await renderCard(tx, accountId, contactId)).body);
  if (typeof read === 'string') throw new Error(`contact ${contactId} renders no card: ${read}`);
  return read;
}

/** A ContactLike with every list present, as applyCard takes it. */
export function asImported(c: ContactLike): ImportedContact {
  return { ...c, emails: c.emails ?? [], phones: c.phones ?? [], links: c.links ?? [], tags: c.tags ?? [] };
}

const nameOf = (c: ContactLike) => `${c.firstName} ${c.lastName}`.trim();

/** Where the remote book's change list comes from: sync-collection, or every ETag. */
async function remoteChanges(client: CardDavClient, sub: SubscriptionRow, links: Map<string, LinkRow>) {
  if (sub.sync_collection) {
    try {
      const r = await client.syncCollection(sub.url, sub.sync_token ?? '');
      const full = sub.sync_token === null;
      return { ...r, deleted: full ? [...links.keys()].filter((h) => !r.changed.has(h)) : r.deleted };
    } catch (error) {
      // RFC 6578 §3.2: an expired token (DAV:valid-sync-token, 403 or 409) means start again.
      if (
        !(error instanceof CardDavError && (error.status === 403 || error.status === 409) && sub.sync_token)
      )
        throw error;
      const r = await client.syncCollection(sub.url, '');
      return { ...r, deleted: [...links.keys()].filter((h) => !r.changed.has(h)) };
    }
  }
  const changed = await client.etags(sub.url);
  return { token: null, changed, deleted: [...links.keys()].filter((h) => !changed.has(h)) };
}

/**
 * One sync of a subscription: reads what changed in the book, then applies it in one transaction
 * (a failure leaves Tend as it was), then writes Tend's changes back with If-Match. A new card is
 * new, a duplicate or a conflict as in a file import: only a new one becomes a contact; the others
 * wait in the conflict list, as do fields both sides changed.
 */
export async function syncSubscription(
  deps: Deps,
  sub: SubscriptionRow,
  client: CardDavClient,
): Promise<CarddavRun> {
  const accountId = sub.account_id;
  const run: CarddavRun = { pulled: 0, pushed: 0, deleted: 0, conflicts: 0, errors: [] };
  const links = new Map((await linksOf(deps.store.read, accountId, sub.id)).map((l) => [l.href, l]));
  const open = new Map((await conflictsOf(deps.store.read, accountId, sub.id)).map((c) => [c.href, c]));
  const remote = await remoteChanges(client, sub, links);
  const wanted = [...remote.changed]
    .filter(([href, etag]) => links.get(href)?.etag !== etag && open.get(href)?.etag !== etag)
    .map(([href]) => href);
  const cards = await client.multiget(sub.url, wanted);

  const pushes = await deps.store.transaction(async (tx) => {
    const ctx = await pullContext(deps, tx, sub, links, open);
    for (const card of cards) await pullCard(deps, tx, ctx, card, run);
    for (const href of remote.deleted) await pullDelete(deps, tx, ctx, href, run);
    await queueTendChanges(tx, ctx, new Set([...cards.map((c) => c.href), ...remote.deleted]));
    if (sub.push_new) await queueNewContacts(tx, ctx);
    await updateSubscription(tx, accountId, sub.id, { sync_token: remote.token });
    return ctx.pushes;
  });

  for (const p of pushes) await push(deps, sub, client, p, run);
  run.conflicts = (await conflictsOf(deps.store.read, accountId, sub.id)).length;
  return run;
}

interface PullContext {
  sub: SubscriptionRow;
  links: Map<string, LinkRow>;
  open: Map<string, ConflictRow>;
  stamps: Map<string, string>;
  index: ReturnType<typeof buildDedupeIndex>;
  /** Contacts created by this sync, by the line the index knows them by. */
  createdByLine: Map<number, string>;
  line: number;
  deleteMode: 'delete' | 'untrack';
  pushes: Push[];
  now: string;
}

async function pullContext(
  deps: Deps,
  tx: Conn,
  sub: SubscriptionRow,
  links: Map<string, LinkRow>,
  open: Map<string, ConflictRow>,
): Promise<PullContext> {
  const account = await findAccount(tx, sub.account_id);
  const region: CountryCode = regionOfZone(account?.time_zone ?? 'UTC');
  return {
    sub,
    links,
    open,
    stamps: await contactStamps(
      tx,
      sub.account_id,
      [...links.values()].map((l) => l.contact_id),
    ),
    index: buildDedupeIndex(await loadDedupeContacts(tx, sub.account_id), region),
    createdByLine: new Map(),
    line: 0,
    // A card deleted in the book follows the choice made for a phone's deletes.
    deleteMode: (await ensureBook(tx, sub.account_id, nowIso(deps))).deleteMode,
    pushes: [],
    now: nowIso(deps),
  };
}

async function link(tx: Conn, ctx: PullContext, row: Omit<LinkRow, 'account_id' | 'subscription_id'>) {
  const full = { ...row, account_id: ctx.sub.account_id, subscription_id: ctx.sub.id };
  await upsertLink(tx, full);
  ctx.links.set(row.href, full);
}

async function listConflict(
  deps: Deps,
  tx: Conn,
  ctx: PullContext,
  card: RemoteCard,
  kind: 'match' | 'fields',
  contactId: string,
  detail: { reason: string; fields: ConflictField[] },
  run: CarddavRun,
) {
  await upsertConflict(tx, {
    account_id: ctx.sub.account_id,
    id: deps.newId(),
    subscription_id: ctx.sub.id,
    href: card.href,
    kind,
    contact_id: contactId,
    detail: JSON.stringify(detail),
    etag: card.etag,
    body: card.body,
    created_at: ctx.now,
  });
  run.conflicts++;
}

async function pullCard(deps: Deps, tx: Conn, ctx: PullContext, card: RemoteCard, run: CarddavRun) {
  const accountId = ctx.sub.account_id;
  const parsed = await readOneCard(card.body);
  const problem = typeof parsed === 'string' ? parsed : await cardProblem(tx, accountId, parsed);
  if (problem !== undefined || typeof parsed === 'string') {
    run.errors.push(`${card.href}: ${problem}`);
    return;
  }
  const linked = ctx.links.get(card.href);
  if (!linked) return pullNewCard(deps, tx, ctx, card, parsed, run);
  const stamp = ctx.stamps.get(linked.contact_id);
  // Deleted in Tend, or ignored by the user: the card is no longer followed.
  if (stamp === undefined) return link(tx, ctx, { ...linked, etag: card.etag, body: card.body });
  const base = await readOneCard(linked.body);
  const baseLike = typeof base === 'string' ? asImported({ firstName: '', lastName: '' }) : base;
  let next: ImportedContact = parsed;
  if (stamp !== linked.contact_updated_at) {
    const tend = await tendLike(tx, accountId, linked.contact_id);
    const clash = clashingFields(baseLike, tend, parsed);
    if (clash.length) {
      const what = clash.map((c) => c.field).join(', ');
      return listConflict(
        deps,
        tx,
        ctx,
        card,
        'fields',
        linked.contact_id,
        { reason: `both Tend and the address book changed ${what} since the last sync`, fields: clash },
        run,
      );
    }
    next = asImported(pickFields(tend, parsed, changedFields(baseLike, parsed)));
  }
  const { contact, noteId } = await applyCard(deps, tx, accountId, linked.contact_id, next, {
    note_id: linked.note_id,
    previousNote: baseLike.notes,
  });
  await deleteConflict(tx, accountId, ctx.sub.id, card.href);
  run.pulled++;
  const merged = next === parsed ? [] : changedFields(parsed, next);
  // Tend's own changes go back up around the card's lines; until the write lands the link says so.
  await link(tx, ctx, {
    href: card.href,
    contact_id: contact.id,
    etag: card.etag,
    body: card.body,
    contact_updated_at: merged.length ? '' : contact.updatedAt,
    note_id: noteId,
  });
  if (merged.length)
    ctx.pushes.push({
      href: card.href,
      etag: card.etag,
      body: await mergeCard(next, card.body, { uid: contact.id }),
      contactId: contact.id,
      stamp: contact.updatedAt,
      noteId,
    });
}

async function pullNewCard(
  deps: Deps,
  tx: Conn,
  ctx: PullContext,
  card: RemoteCard,
  parsed: ImportedContact,
  run: CarddavRun,
) {
  const line = ++ctx.line;
  const c = classifyRow({ line, contact: clipContact(parsed) }, ctx.index);
  if (c.kind === 'error') {
    run.errors.push(`${card.href}: ${c.error}`);
    return;
  }
  if (c.kind === 'new') {
    const { contact, noteId } = await applyCard(deps, tx, ctx.sub.account_id, undefined, parsed, undefined);
    ctx.createdByLine.set(line, contact.id);
    await link(tx, ctx, {
      href: card.href,
      contact_id: contact.id,
      etag: card.etag,
      body: card.body,
      contact_updated_at: contact.updatedAt,
      note_id: noteId,
    });
    run.pulled++;
    return;
  }
  const targetId = c.target.kind === 'existing' ? c.target.id : ctx.createdByLine.get(c.target.line);
  if (targetId === undefined) return;
  const target = await findContact(tx, ctx.sub.account_id, targetId);
  const who = target ? `${target.first_name} ${target.last_name}`.trim() : 'a contact';
  const reason =
    c.kind === 'conflict'
      ? c.reason
      : `${nameOf(parsed)} has the same ${c.matchedBy.replace('_', ' and ')} as ${who}: the same person?`;
  await listConflict(deps, tx, ctx, card, 'match', targetId, { reason, fields: [] }, run);
}

async function pullDelete(deps: Deps, tx: Conn, ctx: PullContext, href: string, run: CarddavRun) {
  const accountId = ctx.sub.account_id;
  const linked = ctx.links.get(href);
  await deleteConflict(tx, accountId, ctx.sub.id, href);
  if (!linked) return;
  if (ctx.stamps.has(linked.contact_id)) {
    if (ctx.deleteMode === 'delete') await removeContactIn(tx, accountId, linked.contact_id);
    else await patchContactIn(deps, tx, accountId, linked.contact_id, { tracked: false });
    run.deleted++;
  }
  await deleteLink(tx, accountId, ctx.sub.id, href);
  ctx.links.delete(href);
}

/** Linked contacts changed in Tend whose card did not change: written back (If-Match the card's ETag). */
async function queueTendChanges(tx: Conn, ctx: PullContext, handled: Set<string>) {
  for (const l of ctx.links.values()) {
    const stamp = ctx.stamps.get(l.contact_id);
    if (handled.has(l.href) || ctx.open.has(l.href) || stamp === undefined || stamp === l.contact_updated_at)
      continue;
    const tend = await tendLike(tx, ctx.sub.account_id, l.contact_id);
    const base = await readOneCard(l.body);
    if (typeof base !== 'string' && changedFields(base, tend).length === 0) {
      await link(tx, ctx, { ...l, contact_updated_at: stamp });
      continue;
    }
    ctx.pushes.push({
      href: l.href,
      etag: l.etag,
      body: await mergeCard(tend, l.body, { uid: l.contact_id }),
      contactId: l.contact_id,
      stamp,
      noteId: l.note_id,
    });
  }
}

/** With pushNew: contacts created in Tend since the subscription, not linked, not matched by a card. */
async function queueNewContacts(tx: Conn, ctx: PullContext) {
  const matched = new Set([...ctx.open.values()].map((c) => c.contact_id));
  const folder = new URL(ctx.sub.url).pathname.replace(/\/?$/, '/');
  for (const id of await unlinkedContactsSince(tx, ctx.sub.account_id, ctx.sub.id, ctx.sub.created_at)) {
    if (matched.has(id)) continue;
    const contact = await findContact(tx, ctx.sub.account_id, id);
    if (!contact) continue;
    const tend = await tendLike(tx, ctx.sub.account_id, id);
    ctx.pushes.push({
      href: `${folder}${id}.vcf`,
      etag: null,
      body: await mergeCard(tend, undefined, { uid: id }),
      contactId: id,
      stamp: contact.updated_at,
      noteId: null,
    });
  }
}

/** Writes one card; a 412 (the book changed it meanwhile) lists the card as a conflict. */
async function push(deps: Deps, sub: SubscriptionRow, client: CardDavClient, p: Push, run: CarddavRun) {
  const accountId = sub.account_id;
  try {
    const etag = await client.put(p.href, p.body, p.etag);
    // A server that rewrites the card (or sends no ETag) is read back: the link keeps what it stores.
    const stored = etag ? { etag, body: p.body } : (await client.multiget(sub.url, [p.href]))[0];
    await upsertLink(deps.store.read, {
      account_id: accountId,
      subscription_id: sub.id,
      href: p.href,
      contact_id: p.contactId,
      etag: stored?.etag ?? '',
      body: stored?.body ?? p.body,
      contact_updated_at: p.stamp,
      note_id: p.noteId,
    });
    run.pushed++;
  } catch (error) {
    if (!(error instanceof CardDavError && error.status === 412)) throw error;
    const [card] = await client.multiget(sub.url, [p.href]);
    if (!card) return;
    const remote = await readOneCard(card.body);
    if (typeof remote === 'string') return;
    await deps.store.transaction(async (tx) => {
      const tend = await tendLike(tx, accountId, p.contactId);
      const fields = changedFields(tend, remote).map((f) => ({
        field: f,
        tend: fieldValue(tend, f),
        remote: fieldValue(remote, f),
      }));
      await upsertConflict(tx, {
        account_id: accountId,
        id: deps.newId(),
        subscription_id: sub.id,
        href: card.href,
        kind: 'fields',
        contact_id: p.contactId,
        detail: JSON.stringify({
          reason: 'the address book changed this card while Tend was writing it (412)',
          fields,
        }),
        etag: card.etag,
        body: card.body,
        created_at: nowIso(deps),
      });
    });
  }
}
