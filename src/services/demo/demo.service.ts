import { en, Faker } from '@faker-js/faker';
import type { DemoSummary } from '../../contract/demo';
import { DEFAULT_CADENCE_BY_CIRCLE } from '../../core/cadence';
import { Conflict } from '../../core/errors';
import { CIRCLE_KINDS, type CircleKind } from '../../core/vocabulary';
import { insertCircles, listCircles } from '../../store/circles.repo';
import { reindexContacts } from '../../store/contacts.repo';
import { countContacts, insertInChunks } from '../../store/demo.repo';
import { cadenceColumns } from '../contact-dto';
import { type Deps, nowIso } from '../deps';
import { refreshSchedule } from '../schedule';
import { demoNetwork } from './demo-network';

type DemoCircle = Exclude<CircleKind, 'other'>;
const DEMO_CIRCLE_KINDS = CIRCLE_KINDS.filter((k): k is DemoCircle => k !== 'other');
const DEMO_CIRCLES: Record<DemoCircle, string> = {
  mentor: 'Mentors',
  peer: 'Peers',
  industry_leader: 'Industry leaders',
  client_partner: 'Clients & partners',
  aspirational: 'Aspirational',
};
// The search index is rebuilt in batches so each statement's IN list stays small.
const REINDEX_CHUNK = 500;
const SEED = 42;

/**
 * Seeds a realistic network (about 300 people, two years of history) into an empty account, in one
 * transaction. Fixed seed and dates relative to the clock: the same every time, and always "fresh".
 */
export async function seedDemo(deps: Deps, accountId: string): Promise<DemoSummary> {
  return deps.store.transaction(async (trx) => {
    if ((await countContacts(trx, accountId)) > 0)
      throw new Conflict('this account already has contacts; the demo network only seeds an empty account');
    // Reuse the circles sign-up made; recreate any the user has deleted.
    const circles = new Map((await listCircles(trx, accountId)).map((c) => [c.kind, c.id]));
    const missing = DEMO_CIRCLE_KINDS.filter((k) => !circles.has(k));
    const added = missing.map((kind) => ({
      account_id: accountId,
      id: deps.newId(),
      name: DEMO_CIRCLES[kind],
      kind,
      ...cadenceColumns(DEFAULT_CADENCE_BY_CIRCLE[kind]),
      created_at: nowIso(deps),
    }));
    await insertCircles(trx, added);
    for (const c of added) circles.set(c.kind, c.id);
    const id = (k: DemoCircle) => circles.get(k) ?? '';
    const circleIds: Record<DemoCircle, string> = {
      mentor: id('mentor'),
      peer: id('peer'),
      industry_leader: id('industry_leader'),
      client_partner: id('client_partner'),
      aspirational: id('aspirational'),
    };

    const faker = new Faker({ locale: [en] });
    faker.seed(SEED);
    const rows = demoNetwork(faker, deps.clock(), accountId, deps.newId, circleIds);
    await insertInChunks(trx, 'tags', rows.tags);
    await insertInChunks(trx, 'contacts', rows.contacts);
    await insertInChunks(trx, 'contact_emails', rows.emails);
    await insertInChunks(trx, 'contact_phones', rows.phones);
    await insertInChunks(trx, 'contact_links', rows.links);
    await insertInChunks(trx, 'contact_tags', rows.contactTags);
    await insertInChunks(trx, 'interactions', rows.interactions);
    await insertInChunks(trx, 'notes', rows.notes);
    await insertInChunks(trx, 'facts', rows.facts);
    await insertInChunks(trx, 'important_dates', rows.dates);
    await insertInChunks(trx, 'life_events', rows.lifeEvents);
    await insertInChunks(trx, 'tasks', rows.tasks);

    const ids = rows.contacts.map((c) => c.id);
    // The same code path as a logged interaction, so derived columns can never disagree with the app's.
    for (const id of ids) await refreshSchedule(deps, trx, accountId, id, { created: false });
    for (let i = 0; i < ids.length; i += REINDEX_CHUNK) {
      await reindexContacts(trx, accountId, ids.slice(i, i + REINDEX_CHUNK));
    }
    return {
      contacts: rows.contacts.length,
      interactions: rows.interactions.length,
      notes: rows.notes.length,
      facts: rows.facts.length,
      dates: rows.dates.length,
      lifeEvents: rows.lifeEvents.length,
      tasks: rows.tasks.length,
    };
  });
}
