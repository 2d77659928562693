import { faker } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import { DEFAULT_CADENCE_BY_CIRCLE, effectiveCadence, nextDueAt } from '../src/core/cadence';
import { holidayCountry } from '../src/core/holiday-country';
import {
  type Cadence,
  type Channel,
  CIRCLE_KINDS,
  type CircleKind,
  DEFAULT_WORKING_HOURS,
  HOLIDAY_KINDS,
} from '../src/core/vocabulary';
import { cadenceColumns } from '../src/services/contact-dto';
import type { Database } from '../src/store/database';
import { DAY, iso, NOW } from './bench-time';
import { writeDetails } from './dataset-details';
import { Rng, uuidv7, weighted } from './rng';
import type { ContactContext, Sink, TextPools } from './sink';

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 2; // 2: holiday_country and holidays on for every circle (issue 14)
export const SEED = 20_260_310;

export interface DatasetSize {
  contacts: number;
  interactions: number;
}
export const FULL_SIZE: DatasetSize = { contacts: 100_000, interactions: 2_000_000 };

// Where contacts sit and how often the user wants to see them (F2): most inherit their circle's cadence.
const circleOf = weighted<CircleKind | null>([
  [null, 15],
  ['client_partner', 10],
  ['peer', 25],
  ['mentor', 3],
  ['industry_leader', 7],
  ['aspirational', 5],
  ['other', 35],
]);
const ownCadence = weighted<Cadence | null>([
  [null, 70],
  [{ kind: 'monthly' }, 5],
  [{ kind: 'quarterly' }, 8],
  [{ kind: 'twice_yearly' }, 4],
  [{ kind: 'yearly' }, 3],
  [{ kind: 'custom', every: 6, unit: 'weeks' }, 3],
  [{ kind: 'custom', every: 2, unit: 'months' }, 2],
  [{ kind: 'ad_hoc' }, 5],
]);
const zoneOf = weighted<string | null>([
  [null, 10],
  ['America/New_York', 22],
  ['America/Chicago', 8],
  ['America/Los_Angeles', 14],
  ['Europe/London', 12],
  ['Europe/Berlin', 9],
  ['Europe/Paris', 5],
  ['Asia/Kolkata', 6],
  ['Asia/Singapore', 4],
  ['Asia/Tokyo', 3],
  ['Australia/Sydney', 3],
  ['America/Sao_Paulo', 3],
  ['Africa/Lagos', 1],
]);
export const channelOf = weighted<Channel>([
  ['email', 35],
  ['linkedin', 15],
  ['text', 15],
  ['call', 10],
  ['video', 8],
  ['in_person', 8],
  ['card', 2],
  ['social_dm', 5],
  ['event', 2],
]);
const INDUSTRIES = ['Software', 'Finance', 'Healthcare', 'Education', 'Retail', 'Energy', 'Media', 'Legal'];

/** Pools drawn once from faker: 2 M interactions need text, not 2 M faker calls. */
function pools(count: number): TextPools {
  const make = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  return {
    summaries: make(count, () => faker.hacker.phrase()),
    topics: make(60, () => faker.word.noun()),
    factValues: make(count, () => faker.word.words({ count: { min: 1, max: 3 } })),
    eventTitles: make(count, () => faker.company.catchPhrase()),
    noteBodies: make(count, () => faker.lorem.sentences({ min: 1, max: 3 })),
    taskTitles: make(count, () => `Send ${faker.commerce.productName()}`),
  };
}

/** How many interactions each contact gets: a heavy-tailed share of the total, summing to it exactly. */
function interactionCounts(rng: Rng, size: DatasetSize): Uint32Array {
  const weights = Float64Array.from({ length: size.contacts }, () => Math.exp(1.1 * rng.normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = new Uint32Array(size.contacts);
  let given = 0;
  for (let i = 0; i < size.contacts; i++) {
    counts[i] = Math.floor((size.interactions * weights[i]!) / sum);
    given += counts[i]!;
  }
  // The rounding remainder goes to contacts spread over the list by a prime stride.
  for (let i = 0; given < size.interactions; i = (i + 7919) % size.contacts, given++) counts[i]! += 1;
  return counts;
}

/** Writes one account with `size` contacts and interactions to `sink`, deterministically. */
export async function generate(sink: Sink, size: DatasetSize = FULL_SIZE): Promise<{ accountId: string }> {
  faker.seed(SEED);
  const rng = new Rng(SEED);
  const text = pools(4000);
  const accountCreated = NOW - 6 * 365 * DAY;
  const accountId = uuidv7(rng, accountCreated);
  sink.insert('accounts', {
    id: accountId,
    name: 'Bench',
    time_zone: 'America/New_York',
    daily_size: 8,
    weekly_budget: 15,
    created_at: iso(accountCreated),
  });
  sink.insert('users', {
    account_id: accountId,
    id: uuidv7(rng, accountCreated),
    email: 'bench@example.com',
    name: 'Bench User',
    password_hash:
      '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaGJlbmNo$unusedunusedunusedunusedunusedunusedunused',
    created_at: iso(accountCreated),
  });
  const circles = new Map<CircleKind, string>();
  for (const kind of CIRCLE_KINDS) {
    const id = uuidv7(rng, accountCreated);
    circles.set(kind, id);
    sink.insert('circles', {
      account_id: accountId,
      id,
      name: kind,
      kind,
      ...cadenceColumns(DEFAULT_CADENCE_BY_CIRCLE[kind]),
      created_at: iso(accountCreated),
    });
    // Holidays on (F9): every kind for every circle, a week ahead, so Today measures the heavy case.
    sink.insert('holiday_settings', {
      account_id: accountId,
      circle_id: id,
      kinds: JSON.stringify(HOLIDAY_KINDS),
      lead_days: 7,
      updated_at: iso(accountCreated),
    });
  }
  const counts = interactionCounts(rng, size);
  const ctx: ContactContext = { rng, text, accountId, circles };
  for (let i = 0; i < size.contacts; i++) {
    writeContact(sink, ctx, counts[i]!);
    if (i % 500 === 499) await sink.drain();
  }
  await sink.drain(true);
  return { accountId };
}

interface GeneratedInteraction {
  at: number;
  inbound: boolean;
  channel: Channel;
  awaiting: boolean;
  retryStep: number;
}

/** A contact's history: activity until some time ago, ~1 % of outreach awaiting a reply, retries after silence. */
function history(rng: Rng, count: number, createdMs: number): GeneratedInteraction[] {
  const dormantFor = rng.chance(0.2) ? rng.exponential(20) * DAY : rng.exponential(200) * DAY;
  const until = Math.max(createdMs + DAY, NOW - dormantFor);
  const from = createdMs - (rng.chance(0.3) ? rng.int(0, 3 * 365) * DAY : 0); // imported history
  const times = Float64Array.from({ length: count }, () => from + rng.next() * (until - from)).sort();
  const list = Array.from(times, (at) => ({
    at: Math.min(Math.floor(at), NOW - 60_000),
    inbound: rng.chance(0.45),
    channel: channelOf(rng),
    awaiting: false,
    retryStep: 0,
  }));
  for (let i = 0; i < list.length; i++) {
    const o = list[i]!;
    if (o.inbound || !rng.chance(0.01)) continue;
    o.awaiting = true;
    // Unanswered outreach is followed by up to two retries (F17) until a reply comes.
    let step = 0;
    for (let j = i + 1; j < list.length && !list[j]!.inbound && step < 2; j++) list[j]!.retryStep = ++step;
  }
  return list;
}

function writeContact(sink: Sink, ctx: ContactContext, count: number): void {
  const { rng, text, accountId } = ctx;
  const createdMs = NOW - Math.floor(rng.next() * 6 * 365 * DAY) - DAY;
  const id = uuidv7(rng, createdMs);
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const circleKind = circleOf(rng);
  const tracked = !rng.chance(0.08);
  const own = ownCadence(rng);
  // As refreshSchedule does: the contact's own cadence, else its circle's (which is the kind's default here).
  const cadence = effectiveCadence(
    own ?? (circleKind ? DEFAULT_CADENCE_BY_CIRCLE[circleKind] : null),
    circleKind,
    tracked,
  );
  const events = history(rng, count, createdMs);
  const last = events.at(-1);
  const lastInbound = events.findLast((e) => e.inbound);
  const lastAt = last ? iso(last.at) : null;
  const country = rng.chance(0.7) ? faker.location.countryCode() : null;
  const timeZone = zoneOf(rng);
  const contact = {
    account_id: accountId,
    id,
    first_name: firstName,
    last_name: lastName,
    sort_name: `${firstName} ${lastName}`.trim().toLowerCase(),
    company: rng.chance(0.85) ? faker.company.name() : null,
    title: rng.chance(0.8) ? faker.person.jobTitle() : null,
    industry: rng.chance(0.6) ? rng.pick(INDUSTRIES) : null,
    city: rng.chance(0.7) ? faker.location.city() : null,
    country,
    time_zone: timeZone,
    working_hours: rng.chance(0.2) ? JSON.stringify(DEFAULT_WORKING_HOURS) : null,
    preferred_channel: rng.chance(0.4) ? channelOf(rng) : null,
    how_met: rng.chance(0.3) ? 'conference' : null,
    met_on: rng.chance(0.3) ? iso(createdMs).slice(0, 10) : null,
    circle_id: circleKind ? ctx.circles.get(circleKind)! : null,
    tracked: tracked ? 1 : 0,
    ...cadenceColumns(own),
    last_interaction_at: lastAt,
    last_meaningful_at: lastAt,
    last_inbound_at: lastInbound ? iso(lastInbound.at) : null,
    last_reply_channel: lastInbound?.channel ?? null,
    next_due_at: nextDueAt(lastAt, cadence, iso(createdMs)),
    holiday_country: holidayCountry({ country, timeZone, phonesE164: [] }),
    created_at: iso(createdMs),
    updated_at: lastAt && lastAt > iso(createdMs) ? lastAt : iso(createdMs),
  } satisfies Insertable<Database['contacts']>;
  sink.insert('contacts', contact);
  for (const e of events) {
    const at = iso(e.at);
    sink.insert('interactions', {
      account_id: accountId,
      id: uuidv7(rng, e.at),
      contact_id: id,
      channel: e.channel,
      direction: e.inbound ? 'inbound' : 'outbound',
      occurred_at: at,
      summary: rng.chance(0.15) ? '' : rng.pick(text.summaries),
      topics: JSON.stringify(rng.chance(0.6) ? [] : [rng.pick(text.topics)]),
      awaiting_reply: e.awaiting ? 1 : 0,
      retry_step: e.retryStep,
      created_at: at,
    });
  }
  writeDetails(sink, ctx, contact);
}
