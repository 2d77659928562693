import type { Faker } from '@faker-js/faker';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DateTime } from 'luxon';
import { CHANNELS, type Channel, type CircleKind } from '../../core/vocabulary';
import {
  DEMO_HOW_MET,
  DEMO_INDUSTRIES,
  DEMO_LIFE_EVENTS,
  DEMO_PLACES,
  DEMO_SUMMARIES,
  DEMO_TAGS,
  DEMO_TASKS,
  DEMO_TOPICS,
} from './demo-data';
import { addDetails, type DemoRows } from './demo-details';

/** Where a demo contact sits: a circle, or outside any with no cadence (untracked) or an ad-hoc one. */
type Slot = Exclude<CircleKind, 'other'> | 'none' | 'untracked' | 'ad_hoc';
const SLOTS: [Slot, number][] = [
  ['mentor', 25],
  ['peer', 70],
  ['industry_leader', 30],
  ['client_partner', 45],
  ['aspirational', 20],
  ['none', 40],
  ['untracked', 40],
  ['ad_hoc', 30],
];
// Typical days between touches per slot: close circles often, loose ones rarely (roughly the cadences).
const GAP_DAYS: Record<Slot, number> = {
  mentor: 80,
  peer: 85,
  industry_leader: 170,
  client_partner: 28,
  aspirational: 170,
  none: 300,
  untracked: 400,
  ad_hoc: 200,
};
/** How the relationship has gone, so the Today queue has overdue, awaiting, one-sided and healthy people. */
type Story = 'steady' | 'overdue' | 'one_sided' | 'awaiting' | 'new';
const DAY = 86_400_000;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** A realistic network of about 300 people, deterministic for a given faker seed and `now`. */
export function demoNetwork(
  f: Faker,
  now: Date,
  accountId: string,
  newId: () => string,
  circleIds: Record<Exclude<CircleKind, 'other'>, string>,
): DemoRows {
  const rows: DemoRows = {
    tags: [],
    contacts: [],
    emails: [],
    phones: [],
    links: [],
    contactTags: [],
    interactions: [],
    notes: [],
    facts: [],
    dates: [],
    lifeEvents: [],
    tasks: [],
  };
  const nowMs = now.getTime();
  const iso = (ms: number) => new Date(Math.min(ms, nowMs)).toISOString();
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISODate() ?? '';
  const own = { account_id: accountId };
  const tagIds = new Map<string, string>(DEMO_TAGS.map((t) => [t, newId()]));
  rows.tags = [...tagIds].map(([name, id]) => ({ ...own, id, name }));

  const slots = f.helpers.shuffle(SLOTS.flatMap(([slot, n]) => Array<Slot>(n).fill(slot)));
  slots.forEach((slot, i) => {
    const id = newId();
    const first = f.person.firstName();
    const last = f.person.lastName();
    const place = f.helpers.arrayElement(DEMO_PLACES);
    const company = f.company.name();
    const story = f.helpers.weightedArrayElement<Story>([
      { value: 'steady', weight: 55 },
      { value: 'overdue', weight: 20 },
      { value: 'one_sided', weight: 5 },
      { value: 'awaiting', weight: 10 },
      { value: 'new', weight: 10 },
    ]);
    const createdMs =
      nowMs -
      (story === 'new' ? f.number.int({ min: 3, max: 60 }) : f.number.int({ min: 700, max: 760 })) * DAY;
    const metOn = f.datatype.boolean(0.5) ? day(createdMs) : null;
    rows.contacts.push({
      ...own,
      id,
      first_name: first,
      last_name: last,
      sort_name: `${first} ${last}`.toLowerCase(),
      company,
      title: f.person.jobTitle(),
      industry: f.helpers.arrayElement(DEMO_INDUSTRIES),
      city: place.city,
      country: place.country,
      time_zone: place.zone,
      working_hours: null,
      preferred_channel: f.datatype.boolean(0.4)
        ? f.helpers.arrayElement(['email', 'linkedin', 'text', 'call'] as const)
        : null,
      how_met: metOn ? f.helpers.arrayElement(DEMO_HOW_MET) : null,
      met_on: metOn,
      circle_id: slot === 'none' || slot === 'untracked' || slot === 'ad_hoc' ? null : circleIds[slot],
      tracked: slot === 'untracked' ? 0 : 1,
      cadence_kind: slot === 'ad_hoc' ? 'ad_hoc' : null,
      cadence_every: null,
      cadence_unit: null,
      last_interaction_at: null,
      last_meaningful_at: null,
      next_due_at: null,
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
    });
    const child = { ...own, contact_id: id };
    rows.emails.push({
      ...child,
      id: newId(),
      value: `${slug(first)}.${slug(last)}@${slug(company).slice(0, 20)}.example`,
      label: 'work',
      position: 0,
    });
    const phone = `${place.dial} ${f.string.numeric(3)} ${f.string.numeric(4)}`;
    rows.phones.push({
      ...child,
      id: newId(),
      value: phone,
      e164: parsePhoneNumberFromString(phone)?.format('E.164') ?? null,
      label: 'mobile',
      position: 0,
    });
    rows.links.push({
      ...child,
      id: newId(),
      kind: 'linkedin',
      url: `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${f.string.alphanumeric(5).toLowerCase()}`,
      position: 0,
    });
    for (const tag of f.helpers.arrayElements(DEMO_TAGS, { min: 0, max: 3 }))
      rows.contactTags.push({ ...child, tag_id: tagIds.get(tag) ?? '' });

    // Interactions: one touch every gap (with noise) from creation; overdue stories stop well short of now.
    const gap = GAP_DAYS[slot];
    const stopMs =
      story === 'overdue' ? nowMs - gap * f.number.float({ min: 1.6, max: 3 }) * DAY : nowMs - DAY;
    const touches: { ms: number; channel: Channel; inbound: boolean }[] = [];
    for (
      let t = createdMs + f.number.float({ min: 0.1, max: 1 }) * gap * DAY;
      t < stopMs;
      t += f.number.float({ min: 0.6, max: 1.3 }) * gap * DAY
    ) {
      touches.push({
        ms: t,
        channel: f.helpers.arrayElement(CHANNELS),
        inbound: story !== 'one_sided' && f.datatype.boolean(0.4),
      });
    }
    if (story === 'awaiting' || story === 'one_sided') {
      touches.push({ ms: nowMs - f.number.int({ min: 3, max: 20 }) * DAY, channel: 'email', inbound: false });
    }
    touches.forEach((touch, k) => {
      const topic = f.helpers.arrayElement(DEMO_TOPICS);
      const last = k === touches.length - 1;
      rows.interactions.push({
        ...child,
        id: newId(),
        channel: touch.channel,
        direction: touch.inbound ? 'inbound' : 'outbound',
        occurred_at: iso(touch.ms),
        summary: f.helpers.arrayElement(DEMO_SUMMARIES[touch.channel]).replace('{topic}', topic),
        topics: JSON.stringify(f.datatype.boolean(0.6) ? [topic] : []),
        awaiting_reply: !touch.inbound && (story === 'one_sided' || (story === 'awaiting' && last)) ? 1 : 0,
        retry_step: 0,
        created_at: iso(touch.ms),
      });
    });

    addDetails(f, rows, child, { nowMs, createdMs, first, iso, day, newId });
    // A handful of fresh wins and birthdays this week, so the demo's Today has reasons beyond cadence.
    if (i % 25 === 3) {
      const ev = f.helpers.arrayElement(DEMO_LIFE_EVENTS.slice(0, 3));
      rows.lifeEvents.push({
        ...child,
        id: newId(),
        kind: ev.kind,
        title: ev.title,
        occurred_on: day(nowMs - f.number.int({ min: 1, max: 13 }) * DAY),
        source: 'manual',
        created_at: iso(nowMs),
      });
    }
    if (i % 40 === 7) {
      const when = DateTime.fromMillis(nowMs + f.number.int({ min: 1, max: 6 }) * DAY, { zone: 'utc' });
      rows.dates.push({
        ...child,
        id: newId(),
        kind: 'birthday',
        label: null,
        month: when.month,
        day: when.day,
        year: f.datatype.boolean(0.5) ? null : f.number.int({ min: 1965, max: 1998 }),
        lead_days: 7,
        created_at: iso(createdMs),
      });
    }
    if (i % 35 === 11) {
      rows.tasks.push({
        ...child,
        id: newId(),
        kind: 'general',
        title: f.helpers.arrayElement(DEMO_TASKS),
        due_at: iso(nowMs + f.number.int({ min: -5, max: 10 }) * DAY),
        done_at: null,
        created_at: iso(nowMs - 10 * DAY),
      });
    }
  });
  return rows;
}
