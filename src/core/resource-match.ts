import type { FactKind } from './vocabulary';

export const RESOURCE_KINDS = ['article', 'tool', 'event', 'job_opening'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Fact kinds that say what a person cares about; the others (family, preferences) are not topics. */
export const INTEREST_FACT_KINDS = [
  'interest',
  'hobby',
  'professional_topic',
  'working_on',
] as const satisfies readonly FactKind[];
export type InterestFactKind = (typeof INTEREST_FACT_KINDS)[number];

/** Only topics talked about within this window count: an old conversation is not a current interest. */
export const TOPIC_WINDOW_DAYS = 365;

export interface MatchableResource {
  id: string;
  title: string;
  tags: readonly string[];
}

/** What is known of a contact's interests; `topics` are interaction topics of the last 12 months. */
export interface ContactProfile {
  contactId: string;
  facts: readonly { kind: InterestFactKind; value: string; label?: string }[];
  topics: readonly string[];
  industry: string | null;
}

export interface Match {
  score: number;
  /** The resource's words that matched, most telling first (as the resource spells them, folded). */
  matched: string[];
}

// Words that say nothing about a subject: English function words and the filler of article titles.
const STOP_WORDS = new Set(
  `a an and are as at be been but by can do does for from has have how i if in into is it its
  me my new no not of on or our out so than that the their them then there these they this to up us
  vs was we what when where which who will with you your about after all also any before being
  best between both could each few get got just more most much must now only other over own same
  should some such too under very via would yet guide intro introduction tips ways things thing why
  part one two three using use used make makes made year years day days week weeks`.split(/\s+/),
);

/** Lower-cased, accents removed (é → e, ß → ss), so "Café" and "cafe" meet. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/** The words of a text that can carry a topic: folded, split on anything but letters and digits, stop words out. */
export function topicWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

// A light plural fold ("compilers" meets "compiler"), kept crude on purpose: it must never join unrelated words.
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Points per source a word is found in: what they work on counts most, their industry least. */
export const SOURCE_WEIGHTS = {
  working_on: 4,
  professional_topic: 3,
  interest: 3,
  hobby: 2,
  topic: 2,
  industry: 1,
} as const;
type Source = keyof typeof SOURCE_WEIGHTS;
/** A tag is chosen by the user to describe the resource, so it counts double a word of the title. */
const TAG_FACTOR = 2;
const TITLE_FACTOR = 1;

/** Each resource word (by stem) with its factor: tags first, then title words; first spelling wins. */
export function resourceTerms(
  resource: Pick<MatchableResource, 'title' | 'tags'>,
): Map<string, { word: string; factor: number }> {
  const terms = new Map<string, { word: string; factor: number }>();
  for (const tag of resource.tags)
    for (const word of topicWords(tag)) {
      const key = stem(word);
      if (!terms.has(key)) terms.set(key, { word, factor: TAG_FACTOR });
    }
  for (const word of topicWords(resource.title)) {
    const key = stem(word);
    if (!terms.has(key)) terms.set(key, { word, factor: TITLE_FACTOR });
  }
  return terms;
}

// Interests repeat across a network ("sailing", "machine learning"): folding each distinct text once
// took Today's resource reasons from ~1.2 s to a fraction of that over 90k facts (measured).
const STEMS = new Map<string, readonly string[]>();
const STEMS_MAX = 50_000;
function stemsOf(text: string): readonly string[] {
  let stems = STEMS.get(text);
  if (!stems) {
    if (STEMS.size >= STEMS_MAX) STEMS.clear();
    stems = topicWords(text).map(stem);
    STEMS.set(text, stems);
  }
  return stems;
}

/** The strongest source per stem for one contact. */
export function profileWeights(profile: ContactProfile): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, source: Source) => {
    for (const key of stemsOf(text))
      weights.set(key, Math.max(weights.get(key) ?? 0, SOURCE_WEIGHTS[source]));
  };
  for (const f of profile.facts) add(f.value, f.kind);
  for (const t of profile.topics) add(t, 'topic');
  if (profile.industry) add(profile.industry, 'industry');
  return weights;
}

/** F13: how well one resource fits one contact; score 0 and no words when nothing matches. */
export function scoreMatch(
  terms: Map<string, { word: string; factor: number }>,
  weights: Map<string, number>,
): Match {
  const hits: { word: string; points: number }[] = [];
  for (const [key, term] of terms) {
    const weight = weights.get(key);
    if (weight) hits.push({ word: term.word, points: weight * term.factor });
  }
  hits.sort((a, b) => b.points - a.points || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { score: hits.reduce((s, h) => s + h.points, 0), matched: hits.map((h) => h.word) };
}

/**
 * Substrings a fact must contain (case-insensitively) to possibly match one of these resources,
 * so a database can preselect facts without reading them all. Plural-safe ("compiler" finds
 * "compilers", "compan" finds "company" and "companies"); the accented spelling is included too,
 * since a database's lower() does not remove accents.
 */
export function factPatterns(resources: readonly Pick<MatchableResource, 'title' | 'tags'>[]): string[] {
  const out = new Set<string>();
  for (const r of resources)
    for (const text of [r.title, ...r.tags]) {
      const folded = new Set(topicWords(text));
      for (const word of folded) {
        const key = stem(word);
        out.add(key.length > 3 && key.endsWith('y') ? key.slice(0, -1) : key);
      }
      for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
        if (raw && folded.has(foldText(raw)) && raw !== foldText(raw)) out.add(raw);
    }
  return [...out].sort();
}

/** F13: contacts that fit a resource, best first (ties by contact id, so the order is stable). */
export function matchContacts(
  resource: MatchableResource,
  profiles: readonly ContactProfile[],
): (Match & { contactId: string })[] {
  const terms = resourceTerms(resource);
  return profiles
    .map((p) => ({ contactId: p.contactId, ...scoreMatch(terms, profileWeights(p)) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || (a.contactId < b.contactId ? -1 : 1));
}

/** Resources with their words worked out once, for ranking against many contacts. */
export interface PreparedResource<R extends MatchableResource> {
  resource: R;
  terms: Map<string, { word: string; factor: number }>;
}

export function prepareResources<R extends MatchableResource>(
  resources: readonly R[],
): PreparedResource<R>[] {
  return resources.map((resource) => ({ resource, terms: resourceTerms(resource) }));
}

/** Prepared resources that fit one contact's weights, best first (ties by resource id). */
export function rankResources<R extends MatchableResource>(
  weights: Map<string, number>,
  prepared: readonly PreparedResource<R>[],
): (Match & { resource: R })[] {
  return prepared
    .map((p) => ({ resource: p.resource, ...scoreMatch(p.terms, weights) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || (a.resource.id < b.resource.id ? -1 : 1));
}

/** F13: resources that fit one contact, best first (ties by resource id). */
export function matchResources<R extends MatchableResource>(
  profile: ContactProfile,
  resources: readonly R[],
): (Match & { resource: R })[] {
  return rankResources(profileWeights(profile), prepareResources(resources));
}

/** The Today reason's text, e.g. `Saw "Rust in 2026" and thought of you (matches: rust, compilers)`. */
export function sawThisDetail(title: string, matched: readonly string[]): string {
  const words = matched.slice(0, 3).join(', ');
  return `Saw "${title}" and thought of you (matches: ${words})`;
}
