import type { BackOffState } from './back-off';
import { capBlocks, DEFAULT_CAP_DAYS, type SendWindow, sendWindow } from './boundaries';
import { type CadenceInterval, cadenceInterval } from './cadence';
import { daysUntil } from './important-dates';
import { calendarDays, DAY_MS, inZone, localDate, toIso, toMillis, type Ymd } from './instant';
import {
  describeReason,
  type ExtensionReason,
  reasonScore,
  TODAY_WEIGHTS,
  type TodayReason,
} from './today-reasons';
import {
  type Cadence,
  type Channel,
  type DateKind,
  DEFAULT_WORKING_HOURS,
  type LifeEventKind,
  type TaskKind,
  type WorkingHours,
} from './vocabulary';

/** Everything the queue needs to know about one contact; `cadence` is the effective one (see effectiveCadence). */
export interface TodayContact {
  id: string;
  name: string;
  zone: string | null;
  workingHours: WorkingHours | null;
  preferredChannel: Channel | null;
  cadence: Cadence;
  tracked: boolean;
  lastMeaningfulAt: string | null;
  createdAt: string;
  lastReplyChannel: Channel | null;
  importantDates: readonly {
    kind: DateKind;
    month: number;
    day: number;
    year?: number | null;
    leadDays?: number | null;
  }[];
  /** `date` is yyyy-MM-dd (in the contact's zone) or a UTC instant. */
  lifeEvents: readonly { kind: LifeEventKind; date: string }[];
  tasks: readonly { id: string; kind: TaskKind; title: string; dueAt: string; done: boolean }[];
  /** Back-off of the latest awaited outreach (backOffState), or null when none. */
  backOff: BackOffState | null;
  snoozedUntil: string | null;
  skippedUntil: string | null;
  /** Outbound interactions of the last weeks, for the frequency cap. */
  recentOutboundAt: readonly string[];
  lastInboundAt?: string | null;
}

export interface TodayInput {
  contacts: readonly TodayContact[];
  extensions?: readonly ExtensionReason[];
}

export interface TodayOptions {
  /** Items shown as today's queue; the rest go to `more`. */
  size?: number;
  birthdayLeadDays?: number;
  anniversaryLeadDays?: number;
  /** How old a life event may be and still be a reason to reach out. */
  lifeEventDays?: number;
  capDays?: number;
  /** Tasks due within this many hours already show (a follow-up due at +36 h shows from +24 h). */
  taskHorizonHours?: number;
  /** How many items after the daily size to return in `more` (with their send windows). */
  moreLimit?: number;
}

export interface TodayItem {
  contactId: string;
  name: string;
  score: number;
  /** Highest-scoring first. */
  reasons: TodayReason[];
  headline: string;
  channel: Channel;
  sendWindow: SendWindow | null;
  nextDueAt: string | null;
}

export interface TodayQueue {
  items: TodayItem[];
  /** The next `moreLimit` items after the daily size. */
  more: TodayItem[];
  /** How many items rank below the daily size (more may hold fewer). */
  moreCount: number;
}

export const TODAY_DEFAULTS = {
  size: 8,
  birthdayLeadDays: 7,
  anniversaryLeadDays: 3,
  lifeEventDays: 14,
  capDays: DEFAULT_CAP_DAYS,
  taskHorizonHours: 12,
  moreLimit: Number.POSITIVE_INFINITY,
} as const satisfies Required<TodayOptions>;

const ms = toMillis;

/** A tracked contact's cadence interval and the instant it counts from (nextDueAt/overdueAt's arithmetic, in ms). */
interface Rhythm {
  interval: CadenceInterval;
  anchor: number;
}

// Untracked and ad-hoc contacts are kept on purpose without a rhythm (F2): never nag about them.
function rhythmOf(c: TodayContact): Rhythm | null {
  const interval = c.tracked ? cadenceInterval(c.cadence) : null;
  return interval ? { interval, anchor: ms(c.lastMeaningfulAt ?? c.createdAt) } : null;
}

function cadenceReasons(
  out: TodayReason[],
  c: TodayContact,
  { interval, anchor }: Rhythm,
  now: number,
): void {
  const due = anchor + interval.dueDays * DAY_MS;
  if (now < due) return;
  const days = Math.floor((now - due) / DAY_MS);
  out.push(
    now >= anchor + interval.overdueDays * DAY_MS
      ? { kind: 'cadence_overdue', daysOverdue: days, cadence: c.cadence }
      : { kind: 'cadence_due', daysOver: days, cadence: c.cadence },
  );
}

function dateReasons(out: TodayReason[], c: TodayContact, now: string, o: Required<TodayOptions>): void {
  for (const d of c.importantDates) {
    const next = daysUntil(d, now, c.zone);
    const lead = d.leadDays ?? (d.kind === 'birthday' ? o.birthdayLeadDays : o.anniversaryLeadDays);
    if (next.inDays > lead) continue;
    out.push(
      d.kind === 'birthday'
        ? { kind: 'birthday', inDays: next.inDays, turns: next.years }
        : { kind: 'anniversary', dateKind: d.kind, inDays: next.inDays, years: next.years },
    );
  }
}

function lifeEventReasons(out: TodayReason[], c: TodayContact, now: string, o: Required<TodayOptions>): void {
  if (c.lifeEvents.length === 0) return;
  const today = localDate(now, c.zone);
  for (const e of c.lifeEvents) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.date);
    const at = m ? null : inZone(e.date, c.zone);
    const day: Ymd = at
      ? { year: at.year, month: at.month, day: at.day }
      : { year: Number(m?.[1]), month: Number(m?.[2]), day: Number(m?.[3]) };
    // Calendar days in the contact's zone, so "yesterday" means their yesterday.
    const daysAgo = calendarDays(day, today);
    if (daysAgo >= 0 && daysAgo <= o.lifeEventDays)
      out.push({ kind: 'life_event', eventKind: e.kind, daysAgo });
  }
}

function taskReasons(out: TodayReason[], c: TodayContact, now: number, o: Required<TodayOptions>): void {
  const horizon = now + o.taskHorizonHours * 3_600_000;
  for (const t of c.tasks) {
    if (t.done || ms(t.dueAt) > horizon) continue;
    out.push(
      t.kind === 'general'
        ? { kind: 'task_due', taskId: t.id, title: t.title, dueAt: t.dueAt }
        : { kind: 'follow_up_due', taskId: t.id, taskKind: t.kind, title: t.title, dueAt: t.dueAt },
    );
  }
}

function byScoreThenKind(a: TodayReason, b: TodayReason): number {
  const d = reasonScore(b) - reasonScore(a);
  if (d !== 0) return d;
  const ka = `${a.kind}:${describeReason(a)}`;
  const kb = `${b.kind}:${describeReason(b)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A ranked item with its next due instant in milliseconds, formatted only if it is returned. */
interface Ranked {
  item: TodayItem;
  due: number | null;
}

// Instants whose ISO form has a four-digit year (0000-01-01 to 9999-12-31, UTC): for them string
// order is time order, so the comparator compares milliseconds; any other is compared as its text.
const FOUR_DIGIT_YEARS = { from: -62_167_219_200_000, to: 253_402_300_799_999 };

function byDue(a: number, b: number): number {
  if (
    a >= FOUR_DIGIT_YEARS.from &&
    a <= FOUR_DIGIT_YEARS.to &&
    b >= FOUR_DIGIT_YEARS.from &&
    b <= FOUR_DIGIT_YEARS.to
  )
    return a < b ? -1 : 1;
  return toIso(a) < toIso(b) ? -1 : 1;
}

function byRank({ item: a, due: ad }: Ranked, { item: b, due: bd }: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  // nextDueAt is nextDueAt()'s canonical UTC form, whose string order is kept (byDue), and the
  // comparator parses and formats nothing (it runs n·log n times).
  if (ad !== bd) {
    if (ad === null) return 1;
    if (bd === null) return -1;
    return byDue(ad, bd);
  }
  // Code-unit order, not localeCompare: the result must not depend on the server's locale.
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0;
}

/** F5: the ranked, explained queue of whom to reach out to at `now`; deterministic for the same input. */
export function todayQueue(input: TodayInput, now: string, options: TodayOptions = {}): TodayQueue {
  // An option passed as undefined means "use the default", not "no value".
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o: Required<TodayOptions> = { ...TODAY_DEFAULTS, ...given };
  const t = ms(now);
  const extensions = new Map<string, TodayReason[]>();
  for (const e of input.extensions ?? []) {
    const list = extensions.get(e.contactId) ?? [];
    list.push({ kind: e.kind, detail: e.detail, weight: e.weight ?? TODAY_WEIGHTS[e.kind] });
    extensions.set(e.contactId, list);
  }

  // The window depends only on (zone, hours) for a given now: compute it once per distinct pair.
  const windows = new Map<string, SendWindow | null>();
  const windowFor = (zone: string | null, hours: WorkingHours) => {
    const key = `${zone}|${hours.start}|${hours.end}|${hours.days.join(',')}`;
    if (!windows.has(key)) windows.set(key, sendWindow(now, zone, hours));
    const w = windows.get(key);
    return w ? { ...w } : null;
  };

  const ranked: Ranked[] = [];
  const hoursOf = new Map<string, TodayContact>();
  for (const c of input.contacts) {
    if (c.snoozedUntil && ms(c.snoozedUntil) > t) continue;
    if (c.skippedUntil && ms(c.skippedUntil) > t) continue;
    // The cap only silences the cadence nudge; a birthday or their news is still worth a message.
    const capped = capBlocks(
      { recentOutboundAt: c.recentOutboundAt, lastInboundAt: c.lastInboundAt ?? null },
      now,
      o.capDays,
    );
    // Each reason kind pushes into the contact's one list: arrays per kind, spread together, were a
    // good part of the queue's allocation at 100,000 contacts.
    const reasons: TodayReason[] = [];
    const rhythm = rhythmOf(c);
    if (rhythm && !capped) cadenceReasons(reasons, c, rhythm, t);
    taskReasons(reasons, c, t, o);
    dateReasons(reasons, c, now, o);
    lifeEventReasons(reasons, c, now, o);
    if (c.backOff?.state === 'retry' && ms(c.backOff.dueAt) <= t)
      reasons.push({ kind: 'retry', step: c.backOff.step, dueAt: c.backOff.dueAt });
    for (const r of extensions.get(c.id) ?? []) reasons.push(r);
    if (reasons.length === 0) continue;
    reasons.sort(byScoreThenKind);
    let score = 0;
    for (const r of reasons) score += reasonScore(r);
    ranked.push({
      item: {
        contactId: c.id,
        name: c.name,
        score,
        reasons,
        headline: '',
        channel: c.preferredChannel ?? c.lastReplyChannel ?? 'email',
        sendWindow: null,
        nextDueAt: null,
      },
      // nextDueAt(), in milliseconds until the item is returned.
      due: rhythm ? rhythm.anchor + rhythm.interval.dueDays * DAY_MS : null,
    });
    hoursOf.set(c.id, c);
  }
  ranked.sort(byRank);
  const size = Math.max(0, Math.floor(o.size));
  const shown = ranked.slice(0, size + Math.max(0, o.moreLimit)).map(({ item, due }) => {
    item.nextDueAt = due === null ? null : toIso(due);
    return item;
  });
  // Send windows cost Luxon work per zone, and headlines a text each: only for what is returned.
  for (const item of shown) {
    item.headline = describeReason(item.reasons[0]!);
    const c = hoursOf.get(item.contactId)!;
    item.sendWindow = windowFor(c.zone, c.workingHours ?? DEFAULT_WORKING_HOURS);
  }
  return {
    items: shown.slice(0, size),
    more: shown.slice(size),
    moreCount: ranked.length - Math.min(size, ranked.length),
  };
}

/** Skip = skip this cycle: hide the contact until its next due date counted from now (a week without a cadence). */
export function skipUntil(cadence: Cadence, now: string): string {
  const interval = cadenceInterval(cadence);
  return new Date(ms(now) + (interval?.dueDays ?? 7) * DAY_MS).toISOString();
}
