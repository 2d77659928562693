import type { Interaction } from '../contract/interactions';
import type {
  ContactResource,
  Resource,
  ResourceCreate,
  ResourceMatch,
  ResourcePatch,
  ResourceQuery,
  ResourceShare,
  ResourceShared,
} from '../contract/resources';
import { Invalid, NotFound } from '../core/errors';
import {
  type ContactProfile,
  matchContacts,
  matchResources,
  TOPIC_WINDOW_DAYS,
} from '../core/resource-match';
import { findContact } from '../store/contacts.repo';
import type { NewRow } from '../store/database';
import { insertInteraction } from '../store/interactions.repo';
import { insertLedgerEntries } from '../store/ledger.repo';
import {
  contactBasics,
  deleteResource,
  findResource,
  insertResource,
  insertShare,
  interestFacts,
  listResources,
  type ResourceRow,
  recentTopics,
  replaceResourceTags,
  resourceTags,
  sharedPairs,
  updateResource,
} from '../store/resources.repo';
import type { Conn } from '../store/store';
import { displayName } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { toInteractionDto } from './interactions.service';
import { accountToday } from './ledger.service';
import { requireContact } from './require-contact';
import { refreshSchedule } from './schedule';

const DAY = 86_400_000;
const MATCH_LIMIT = 100;
/** Resources a contact is matched against: the newest ones; an old library tail is not news. */
const LIBRARY_LIMIT = 500;

function toDto(r: ResourceRow, tags: string[]): Resource {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    url: r.url,
    note: r.note,
    tags,
    createdAt: r.created_at,
  };
}

/** Trimmed, without case-insensitive repeats, first spelling kept. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function withTags(db: Conn, accountId: string, rows: ResourceRow[]): Promise<Resource[]> {
  const tags = await resourceTags(
    db,
    accountId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toDto(r, tags.get(r.id) ?? []));
}

async function requireResource(db: Conn, accountId: string, id: string): Promise<Resource> {
  const row = await findResource(db, accountId, id);
  if (!row) throw new NotFound('resource not found');
  return (await withTags(db, accountId, [row]))[0]!;
}

export async function listLibrary(deps: Deps, accountId: string, query: ResourceQuery): Promise<Resource[]> {
  const db = deps.store.read;
  return withTags(db, accountId, await listResources(db, accountId, query));
}

export async function getResource(deps: Deps, accountId: string, id: string): Promise<Resource> {
  return requireResource(deps.store.read, accountId, id);
}

export async function addResource(deps: Deps, accountId: string, input: ResourceCreate): Promise<Resource> {
  return deps.store.transaction(async (trx) => {
    const row = {
      account_id: accountId,
      id: deps.newId(),
      kind: input.kind,
      title: input.title,
      url: input.url,
      note: input.note,
      created_at: nowIso(deps),
    };
    const tags = uniqueTags(input.tags);
    await insertResource(trx, row);
    await replaceResourceTags(trx, accountId, row.id, tags);
    return toDto(row, tags);
  });
}

export async function patchResource(
  deps: Deps,
  accountId: string,
  id: string,
  patch: ResourcePatch,
): Promise<Resource> {
  return deps.store.transaction(async (trx) => {
    if (!(await findResource(trx, accountId, id))) throw new NotFound('resource not found');
    const values: Partial<ResourceRow> = {
      ...(patch.kind && { kind: patch.kind }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.note !== undefined && { note: patch.note }),
    };
    if (Object.keys(values).length) await updateResource(trx, accountId, id, values);
    if (patch.tags) await replaceResourceTags(trx, accountId, id, uniqueTags(patch.tags));
    return requireResource(trx, accountId, id);
  });
}

export async function removeResource(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteResource(deps.store.read, accountId, id)) === 0) throw new NotFound('resource not found');
}

/** Interest profiles of some contacts (or, without ids, of everyone with an interest, topic or industry). */
export async function loadProfiles(
  db: Conn,
  accountId: string,
  nowMs: number,
  ids?: string[],
): Promise<{ profiles: ContactProfile[]; names: Map<string, string> }> {
  const since = new Date(nowMs - TOPIC_WINDOW_DAYS * DAY).toISOString();
  const [facts, topics, basics] = await Promise.all([
    interestFacts(db, accountId, ids),
    recentTopics(db, accountId, since, ids),
    contactBasics(db, accountId, ids),
  ]);
  const profiles = new Map<
    string,
    ContactProfile & { facts: ContactProfile['facts'][number][]; topics: string[] }
  >();
  const names = new Map<string, string>();
  const of = (contactId: string) => {
    let p = profiles.get(contactId);
    if (!p) {
      p = { contactId, facts: [], topics: [], industry: null };
      profiles.set(contactId, p);
    }
    return p;
  };
  for (const f of facts) of(f.contact_id).facts.push({ kind: f.kind, value: f.value });
  for (const t of topics) of(t.contact_id).topics.push(...t.topics);
  for (const b of basics) {
    of(b.id).industry = b.industry;
    names.set(b.id, displayName(b));
  }
  return { profiles: [...profiles.values()], names };
}

/** F13: the contacts a resource fits, best first, each with the words that matched. */
export async function resourceMatches(deps: Deps, accountId: string, id: string): Promise<ResourceMatch[]> {
  const db = deps.store.read;
  const resource = await requireResource(db, accountId, id);
  const { profiles } = await loadProfiles(db, accountId, deps.clock().getTime());
  const top = matchContacts(resource, profiles).slice(0, MATCH_LIMIT);
  const ids = top.map((m) => m.contactId);
  const [basics, shared] = await Promise.all([
    contactBasics(db, accountId, ids),
    sharedPairs(db, accountId, { resourceIds: [id], contactIds: ids }),
  ]);
  const names = new Map(basics.map((b) => [b.id, displayName(b)]));
  const got = new Set(shared.map((s) => s.contact_id));
  return top.map((m) => ({ ...m, name: names.get(m.contactId) ?? '', shared: got.has(m.contactId) }));
}

/** F13: the resources that fit a contact, best first. */
export async function contactResources(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<ContactResource[]> {
  const db = deps.store.read;
  await requireContact(db, accountId, contactId);
  const [{ profiles }, library] = await Promise.all([
    loadProfiles(db, accountId, deps.clock().getTime(), [contactId]),
    listLibrary(deps, accountId, { limit: LIBRARY_LIMIT }),
  ]);
  const profile = profiles[0];
  if (!profile) return [];
  const ranked = matchResources(profile, library);
  const shared = await sharedPairs(db, accountId, {
    contactIds: [contactId],
    resourceIds: ranked.map((m) => m.resource.id),
  });
  const got = new Set(shared.map((s) => s.resource_id));
  return ranked.map((m) => ({ ...m, shared: got.has(m.resource.id) }));
}

/**
 * F13: records that a resource was shared: an outbound interaction (topics = the resource's tags),
 * the share itself, and a give in the ledger, all in one transaction. Tend sends nothing.
 */
export async function shareResource(
  deps: Deps,
  accountId: string,
  id: string,
  input: ResourceShare,
): Promise<ResourceShared> {
  return deps.store.transaction(async (trx) => {
    const resource = await requireResource(trx, accountId, id);
    if (!(await findContact(trx, accountId, input.contactId)))
      throw new Invalid('no such contact', 'contactId');
    const now = nowIso(deps);
    const topics = resource.tags.slice(0, 20).map((t) => t.slice(0, 60));
    const row: NewRow<'interactions'> & { id: string } = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: input.contactId,
      channel: input.channel,
      direction: 'outbound',
      occurred_at: now,
      summary: `Shared: ${resource.title}`,
      // Interaction topics are at most 60 characters each and 20 in all (contract/interactions.ts).
      topics: JSON.stringify(topics),
      awaiting_reply: 0,
      retry_step: 0,
      created_at: now,
    };
    await insertInteraction(trx, row);
    await insertShare(trx, {
      account_id: accountId,
      resource_id: id,
      contact_id: input.contactId,
      interaction_id: row.id,
      shared_at: now,
    });
    const ledgerEntryId = deps.newId();
    await insertLedgerEntries(trx, [
      {
        account_id: accountId,
        id: ledgerEntryId,
        contact_id: input.contactId,
        // The ledger tells a job lead apart from reading material (core/vocabulary LEDGER_KINDS).
        kind: resource.kind === 'job_opening' ? 'job_opening_shared' : 'resource_shared',
        occurred_on: await accountToday(deps, trx, accountId),
        note: resource.url ? `${resource.title} (${resource.url})` : resource.title,
        introduction_id: null,
        created_at: now,
      },
    ]);
    await refreshSchedule(deps, trx, accountId, input.contactId, { created: false });
    const interaction: Interaction = toInteractionDto({ ...row, topics });
    return { interaction, ledgerEntryId };
  });
}
