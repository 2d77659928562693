import { faker } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import { FACT_KINDS, LIFE_EVENT_KINDS, TASK_KINDS } from '../src/core/vocabulary';
import type { Database } from '../src/store/database';
import { DAY, iso, NOW } from './bench-time';
import { uuidv7 } from './rng';
import type { ContactContext, Sink } from './sink';

const DECISION_KINDS = ['done', 'snooze', 'skip'] as const;
// Days of a leap year, so 29 February occurs (about 1 birthday in 1,461).
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthDay(dayOfYear: number): { month: number; day: number } {
  let d = dayOfYear;
  for (let m = 0; m < 12; m++) {
    if (d < MONTH_DAYS[m]!) return { month: m + 1, day: d + 1 };
    d -= MONTH_DAYS[m]!;
  }
  return { month: 12, day: 31 };
}

/** A contact's children as the services would have written them, and its search row as reindexContacts does. */
export function writeDetails(sink: Sink, ctx: ContactContext, c: Insertable<Database['contacts']>): void {
  const { rng, text, accountId } = ctx;
  const createdMs = Date.parse(c.created_at);
  const owned = () => ({ account_id: accountId, id: uuidv7(rng, createdMs), contact_id: c.id });
  const search = [c.first_name, c.last_name, c.company ?? '', c.title ?? '', c.industry ?? '', c.city ?? ''];

  if (rng.chance(0.8)) {
    const value = faker.internet.email({ firstName: c.first_name, lastName: c.last_name }).toLowerCase();
    sink.insert('contact_emails', { ...owned(), value, label: rng.chance(0.5) ? 'work' : null, position: 0 });
    search.push(value);
  }
  // About one birthday per contact (some without a year) and a few work anniversaries.
  if (rng.chance(0.92))
    sink.insert('important_dates', {
      ...owned(),
      kind: 'birthday',
      label: null,
      ...monthDay(rng.int(0, 365)),
      year: rng.chance(0.7) ? rng.int(1950, 2003) : null,
      lead_days: 7,
      created_at: c.created_at,
    });
  if (rng.chance(0.1))
    sink.insert('important_dates', {
      ...owned(),
      kind: 'work_anniversary',
      label: 'Joined',
      ...monthDay(rng.int(0, 364)),
      year: rng.int(2005, 2025),
      lead_days: 3,
      created_at: c.created_at,
    });
  // ~0.35 life events per contact over three years: a few hundred fall in the last 14 days.
  for (let n = rng.chance(0.3) ? (rng.chance(0.15) ? 2 : 1) : 0; n > 0; n--) {
    const on = NOW - rng.int(0, 3 * 365) * DAY;
    sink.insert('life_events', {
      ...owned(),
      kind: rng.pick(LIFE_EVENT_KINDS),
      title: rng.pick(text.eventTitles),
      occurred_on: iso(on).slice(0, 10),
      source: rng.chance(0.8) ? 'manual' : 'import_diff',
      created_at: iso(Math.min(NOW - 60_000, on + rng.int(0, 3) * DAY)),
    });
  }
  // A few thousand open tasks around today, many more done ones in the past.
  const task = (open: boolean, contactId: string | null) => {
    const due = open ? NOW + rng.int(-14 * 24, 45 * 24) * 3_600_000 : NOW - rng.int(1, 5 * 365) * DAY;
    sink.insert('tasks', {
      account_id: accountId,
      id: uuidv7(rng, Math.min(NOW - 60_000, due - 2 * DAY)),
      contact_id: contactId,
      kind: contactId ? rng.pick(TASK_KINDS) : 'general',
      title: rng.pick(text.taskTitles),
      due_at: iso(due),
      done_at: open ? null : iso(due + rng.int(0, 3) * DAY),
      created_at: iso(Math.min(NOW - 60_000, due - 2 * DAY)),
    });
  };
  if (rng.chance(0.03)) task(true, c.id);
  if (rng.chance(0.003)) task(true, null);
  if (rng.chance(0.2)) task(false, c.id);
  // Done, snooze and skip decisions: some still hide the contact, some have run out.
  if (rng.chance(0.004)) {
    const until = NOW + rng.int(-30 * 24, 60 * 24) * 3_600_000;
    sink.insert('queue_decisions', {
      account_id: accountId,
      contact_id: c.id,
      kind: rng.pick(DECISION_KINDS),
      until_at: iso(until),
      created_at: iso(Math.min(NOW - 60_000, until - 7 * DAY)),
    });
  }
  for (let n = rng.int(0, 3); n > 0; n--) {
    const kind = rng.pick(FACT_KINDS);
    const value = rng.pick(text.factValues);
    sink.insert('facts', {
      ...owned(),
      kind,
      label: kind.replace('_', ' '),
      value,
      pinned: rng.chance(0.1) ? 1 : 0,
      created_at: c.created_at,
    });
    search.push(`${kind.replace('_', ' ')} ${value}`);
  }
  if (rng.chance(0.3)) {
    const body = rng.pick(text.noteBodies);
    sink.insert('notes', {
      ...owned(),
      body,
      pinned: 0,
      created_at: c.created_at,
      updated_at: c.created_at,
    });
    search.push(body);
  }
  sink.insert('contact_search', {
    account_id: accountId,
    contact_id: c.id,
    body: search.filter(Boolean).join(' \u2022 ').toLowerCase(),
  });
}
