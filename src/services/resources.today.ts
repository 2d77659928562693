import {
  type MatchableResource,
  matchResources,
  profileWeights,
  resourceTerms,
  sawThisDetail,
} from '../core/resource-match';
import type { ExtensionReason } from '../core/today-reasons';
import { interestFacts, listResources, resourceTags, sharedPairs } from '../store/resources.repo';
import type { Deps } from './deps';
import { loadProfiles } from './resources.service';

const DAY = 86_400_000;
/** Only fresh resources are news worth a message. */
export const RESOURCE_NEWS_DAYS = 30;
// Bounds so Today stays cheap whatever the library holds: the newest resources, the best contacts.
const MAX_RESOURCES = 50;
const MAX_REASONS = 50;

/**
 * F13 Today reasons: "saw this and thought of you" for resources added in the last 30 days, to
 * contacts whose interest facts match (facts read by kind through facts_kind_idx, not histories),
 * who have not received that resource yet. One reason per contact: the best resource.
 */
export async function resourceTodayReasons(
  deps: Deps,
  accountId: string,
  now: string,
): Promise<ExtensionReason[]> {
  const db = deps.store.db;
  const nowMs = Date.parse(now);
  const rows = await listResources(db, accountId, {
    since: new Date(nowMs - RESOURCE_NEWS_DAYS * DAY).toISOString(),
    limit: MAX_RESOURCES,
  });
  const fresh = rows.filter((r) => r.created_at <= now);
  if (fresh.length === 0) return [];
  const tags = await resourceTags(
    db,
    accountId,
    fresh.map((r) => r.id),
  );
  const library: MatchableResource[] = fresh.map((r) => ({
    id: r.id,
    title: r.title,
    tags: tags.get(r.id) ?? [],
  }));
  // Candidates: contacts with an interest-like fact sharing a word with some fresh resource.
  const terms = library.map((r) => resourceTerms(r));
  const byContact = new Map<string, { kind: 'interest'; value: string }[]>();
  for (const f of await interestFacts(db, accountId)) {
    const list = byContact.get(f.contact_id) ?? [];
    list.push({ kind: 'interest', value: f.value });
    byContact.set(f.contact_id, list);
  }
  const candidates = [...byContact].flatMap(([contactId, facts]) => {
    const weights = profileWeights({ contactId, facts, topics: [], industry: null });
    return terms.some((t) => [...t.keys()].some((k) => weights.has(k))) ? [contactId] : [];
  });
  if (candidates.length === 0) return [];
  const [{ profiles }, shared] = await Promise.all([
    loadProfiles(db, accountId, nowMs, candidates),
    sharedPairs(db, accountId, { resourceIds: library.map((r) => r.id), contactIds: candidates }),
  ]);
  const got = new Set(shared.map((s) => `${s.contact_id}/${s.resource_id}`));
  const best = profiles.flatMap((p) => {
    const top = matchResources(
      p,
      library.filter((r) => !got.has(`${p.contactId}/${r.id}`)),
    )[0];
    return top ? [{ contactId: p.contactId, ...top }] : [];
  });
  best.sort((a, b) => b.score - a.score || (a.contactId < b.contactId ? -1 : 1));
  return best.slice(0, MAX_REASONS).map((m) => ({
    kind: 'resource_match',
    contactId: m.contactId,
    detail: sawThisDetail(m.resource.title, m.matched),
  }));
}
