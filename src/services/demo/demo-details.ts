import type { Faker } from '@faker-js/faker';
import { DateTime } from 'luxon';
import type { Database, NewRow } from '../../store/database';
import { DEMO_FACTS, DEMO_LIFE_EVENTS, DEMO_NOTES, DEMO_TOPICS } from './demo-data';

type Rows<T extends keyof Database> = NewRow<T>[];
export interface DemoRows {
  tags: Rows<'tags'>;
  contacts: Rows<'contacts'>;
  emails: Rows<'contact_emails'>;
  phones: Rows<'contact_phones'>;
  links: Rows<'contact_links'>;
  contactTags: Rows<'contact_tags'>;
  interactions: Rows<'interactions'>;
  notes: Rows<'notes'>;
  facts: Rows<'facts'>;
  dates: Rows<'important_dates'>;
  lifeEvents: Rows<'life_events'>;
  tasks: Rows<'tasks'>;
}

const DAY = 86_400_000;

/** Facts, notes, dates and older life events for one contact. */
export function addDetails(
  f: Faker,
  rows: DemoRows,
  child: { account_id: string; contact_id: string },
  c: {
    nowMs: number;
    createdMs: number;
    first: string;
    iso: (ms: number) => string;
    day: (ms: number) => string;
    newId: () => string;
  },
): void {
  const between = () => c.createdMs + f.number.float({ min: 0, max: 1 }) * (c.nowMs - c.createdMs);
  if (f.datatype.boolean(0.6)) {
    const kinds = f.helpers.arrayElements(DEMO_FACTS, { min: 1, max: 3 });
    for (const [n, k] of kinds.entries()) {
      rows.facts.push({
        ...child,
        id: c.newId(),
        kind: k.kind,
        label: k.label,
        value: f.helpers.arrayElement(k.values),
        pinned: n === 0 && f.datatype.boolean(0.4) ? 1 : 0,
        created_at: c.iso(between()),
      });
    }
    if (f.datatype.boolean(0.35)) {
      const label = f.helpers.arrayElement(['daughter', 'son', 'partner']);
      rows.facts.push({
        ...child,
        id: c.newId(),
        kind: 'family',
        label,
        value: f.person.firstName(),
        pinned: f.datatype.boolean(0.5) ? 1 : 0,
        created_at: c.iso(between()),
      });
    }
  }
  if (f.datatype.boolean(0.4)) {
    const at = c.iso(between());
    const body = f.helpers.arrayElement(DEMO_NOTES).replace('{topic}', f.helpers.arrayElement(DEMO_TOPICS));
    rows.notes.push({
      ...child,
      id: c.newId(),
      body,
      pinned: f.datatype.boolean(0.25) ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
  }
  if (f.datatype.boolean(0.55)) {
    const when = DateTime.fromMillis(c.nowMs - f.number.int({ min: 0, max: 364 }) * DAY, { zone: 'utc' });
    // Birthdays without a year are common (LinkedIn exports omit it).
    const year = f.datatype.boolean(0.4) ? null : f.number.int({ min: 1960, max: 2000 });
    rows.dates.push({
      ...child,
      id: c.newId(),
      kind: 'birthday',
      label: null,
      month: when.month,
      day: Math.min(when.day, 28),
      year,
      lead_days: 7,
      created_at: c.iso(c.createdMs),
    });
  }
  if (f.datatype.boolean(0.2)) {
    const when = DateTime.fromMillis(c.nowMs + f.number.int({ min: 0, max: 364 }) * DAY, { zone: 'utc' });
    rows.dates.push({
      ...child,
      id: c.newId(),
      kind: 'work_anniversary',
      label: 'joined the company',
      month: when.month,
      day: Math.min(when.day, 28),
      year: f.number.int({ min: 2012, max: 2024 }),
      lead_days: 3,
      created_at: c.iso(c.createdMs),
    });
  }
  if (f.datatype.boolean(0.2)) {
    const ev = f.helpers.arrayElement(DEMO_LIFE_EVENTS);
    rows.lifeEvents.push({
      ...child,
      id: c.newId(),
      kind: ev.kind,
      title: ev.title,
      occurred_on: c.day(c.nowMs - f.number.int({ min: 20, max: 700 }) * DAY),
      source: 'manual',
      created_at: c.iso(c.nowMs),
    });
  }
}
