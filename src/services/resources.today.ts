import {
  factPatterns,
  type InterestFactKind,
  type MatchableResource,
  prepareResources,
  profileWeights,
  rankResources,
  sawThisDetail,
} from '../core/resource-match';
import type { ExtensionReason } from '../core/today-reasons';
import { interestFactsLike, listResources, resourceTags, sharedPairs } from '../store/resources.repo';
import type { Deps } from './deps';
import { loadProfiles } from './resources.service';

const DAY = 86_400_000;
/** Only fresh resources are news worth a message. */
export const RESOURCE_NEWS_DAYS = 30;
// Bounds so Today stays cheap whatever the library holds: the newest resources, the best contacts.
const MAX_RESOURCES = 50;
const MAX_REASONS = 50;
const MAX_CANDIDATES = 200;

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
  const db = deps.store.read;
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
  const prepared = prepareResources<MatchableResource>(
    fresh.map((r) => ({ id: r.id, title: r.title, tags: tags.get(r.id) ?? [] })),
  );
  // Candidates: contacts whose interest-like facts share a word with a fresh resource, the best
  // few by that score alone, so topics and shares are then read for a bounded set of contacts.
  const factsOf = new Map<string, { kind: InterestFactKind; value: string }[]>();
  for (const f of await interestFactsLike(db, accountId, factPatterns(prepared.map((p) => p.resource)))) {
    const list = factsOf.get(f.contact_id) ?? [];
    list.push({ kind: f.kind, value: f.value });
    factsOf.set(f.contact_id, list);
  }
  const scored = [...factsOf].flatMap(([contactId, facts]) => {
    const top = rankResources(profileWeights({ contactId, facts, topics: [], industry: null }), prepared)[0];
    return top ? [{ contactId, score: top.score }] : [];
  });
  scored.sort((a, b) => b.score - a.score || (a.contactId < b.contactId ? -1 : 1));
  const candidates = scored.slice(0, MAX_CANDIDATES).map((c) => c.contactId);
  if (candidates.length === 0) return [];
  const [{ profiles }, shared] = await Promise.all([
    loadProfiles(db, accountId, nowMs, candidates),
    sharedPairs(db, accountId, { resourceIds: prepared.map((p) => p.resource.id), contactIds: candidates }),
  ]);
  const got = new Set(shared.map((s) => `${s.contact_id}/${s.resource_id}`));
  const best = profiles.flatMap((p) => {
    const unseen = prepared.filter((r) => !got.has(`${p.contactId}/${r.resource.id}`));
    const top = rankResources(profileWeights(p), unseen)[0];
    return top ? [{ contactId: p.contactId, ...top }] : [];
  });
  best.sort((a, b) => b.score - a.score || (a.contactId < b.contactId ? -1 : 1));
  return best.slice(0, MAX_REASONS).map((m) => ({
    kind: 'resource_match',
    contactId: m.contactId,
    detail: sawThisDetail(m.resource.title, m.matched),
  }));
}
