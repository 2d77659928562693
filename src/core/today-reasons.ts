import { cadenceLabel } from './cadence';
import type { Cadence, DateKind, LifeEventKind, TaskKind } from './vocabulary';

/**
 * Reasons other features hand to the queue (F12 introductions, F13 resources, F25 trips, F9
 * holidays and role anniversaries, F30 meetings from a calendar). A job change found by a re-import (F22) is a `life_event`
 * (new role), not an extension.
 */
export const EXTENSION_REASON_KINDS = [
  'resource_match',
  'trip',
  'introduction',
  'holiday',
  'role_anniversary',
  'meeting',
] as const;
export type ExtensionReasonKind = (typeof EXTENSION_REASON_KINDS)[number];

/** An extension reason as passed in from outside core; `weight` overrides the default score. */
export interface ExtensionReason {
  kind: ExtensionReasonKind;
  contactId: string;
  weight?: number;
  detail: string;
}

/** Why a contact is in Today's queue; every item carries one or more of these. */
export type TodayReason =
  | { kind: 'cadence_due'; daysOver: number; cadence: Cadence }
  | { kind: 'cadence_overdue'; daysOverdue: number; cadence: Cadence }
  | {
      kind: 'follow_up_due';
      taskId: string;
      taskKind: Exclude<TaskKind, 'general'>;
      title: string;
      dueAt: string;
    }
  | { kind: 'task_due'; taskId: string; title: string; dueAt: string }
  | { kind: 'birthday'; inDays: number; turns: number | null }
  | { kind: 'anniversary'; dateKind: Exclude<DateKind, 'birthday'>; inDays: number; years: number | null }
  | { kind: 'life_event'; eventKind: LifeEventKind; daysAgo: number }
  | { kind: 'retry'; step: 1 | 2; dueAt: string }
  | { kind: ExtensionReasonKind; detail: string; weight: number };

/**
 * Score weights per reason; documented in docs/today.md — change both together. Moments that pass
 * (fresh news, a birthday this week, a follow-up window) outrank a relationship that has been
 * overdue for months: it will still be overdue next week, the congratulation will not be timely.
 */
export const TODAY_WEIGHTS = {
  follow_up_due: 80, // the 24–48 h window closes fast
  birthday: 85, // on the day; −5 per day of lead
  life_event: 75, // fresh news; −2 per day old
  cadence_overdue: 45, // +1 per 4 days past due, capped at +20
  cadence_overdue_cap: 20,
  cadence_due: 25, // +1 per day past due, capped at +19 so it stays below overdue
  cadence_due_cap: 19,
  task_due: 60,
  anniversary: 55, // on the day; −5 per day of lead
  retry_1: 40,
  retry_2: 30,
  resource_match: 25,
  trip: 45,
  introduction: 50,
  holiday: 40, // on the day; −4 per day of lead (holidays.today.ts): below an overdue contact
  role_anniversary: 55, // on the day; −5 per day of lead, like a work anniversary
  meeting: 70, // a meeting in the next 36 h (F30): the brief is read before it or not at all
} as const;

/** Points one reason adds to its item's score (the item score is the sum over its reasons). */
export function reasonScore(reason: TodayReason): number {
  const w = TODAY_WEIGHTS;
  switch (reason.kind) {
    case 'cadence_due':
      return w.cadence_due + Math.min(w.cadence_due_cap, reason.daysOver);
    case 'cadence_overdue':
      return w.cadence_overdue + Math.min(w.cadence_overdue_cap, Math.floor(reason.daysOverdue / 4));
    case 'follow_up_due':
      return w.follow_up_due;
    case 'task_due':
      return w.task_due;
    case 'birthday':
      return Math.max(0, w.birthday - 5 * reason.inDays);
    case 'anniversary':
      return Math.max(0, w.anniversary - 5 * reason.inDays);
    case 'life_event':
      return Math.max(0, w.life_event - 2 * reason.daysAgo);
    case 'retry':
      return reason.step === 1 ? w.retry_1 : w.retry_2;
    default:
      return reason.weight;
  }
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const whenAhead = (inDays: number) =>
  inDays === 0 ? 'today' : inDays === 1 ? 'tomorrow' : `in ${plural(inDays, 'day')}`;
const whenAgo = (daysAgo: number) =>
  daysAgo === 0 ? 'today' : daysAgo === 1 ? 'yesterday' : `${plural(daysAgo, 'day')} ago`;

const DATE_LABEL: Record<Exclude<DateKind, 'birthday'>, string> = {
  work_anniversary: 'Work anniversary',
  personal_anniversary: 'Anniversary',
  company_milestone: 'Company milestone',
  other: 'Important date',
};

const EVENT_LABEL: Record<LifeEventKind, string> = {
  promotion: 'Promoted',
  new_job: 'Started a new job',
  new_role: 'Took on a new role',
  product_launch: 'Launched a product',
  award: 'Won an award',
  move: 'Moved',
  challenge: 'Going through a hard time, shared',
  other: 'News',
};

/** One plain-words sentence for a reason, e.g. "Birthday in 3 days (turns 40)". */
export function describeReason(reason: TodayReason): string {
  switch (reason.kind) {
    case 'cadence_due':
      return reason.daysOver === 0
        ? `Due today for your ${cadenceLabel(reason.cadence)} catch-up`
        : `Due ${plural(reason.daysOver, 'day')} ago for your ${cadenceLabel(reason.cadence)} catch-up`;
    case 'cadence_overdue':
      return `Overdue by ${plural(reason.daysOverdue, 'day')} for your ${cadenceLabel(reason.cadence)} catch-up`;
    case 'follow_up_due':
      return reason.title;
    case 'task_due':
      return `Task due: ${reason.title}`;
    case 'birthday':
      return `Birthday ${whenAhead(reason.inDays)}${reason.turns !== null ? ` (turns ${reason.turns})` : ''}`;
    case 'anniversary':
      return `${DATE_LABEL[reason.dateKind]} ${whenAhead(reason.inDays)}${reason.years ? ` (${plural(reason.years, 'year')})` : ''}`;
    case 'life_event':
      return `${EVENT_LABEL[reason.eventKind]} ${whenAgo(reason.daysAgo)}`;
    case 'retry':
      return reason.step === 1
        ? 'No reply yet: a light nudge is due'
        : 'Still no reply: one last gentle retry';
    default:
      return reason.detail;
  }
}

/** What Today has read already and hands to every extension, so none reads it again. */
export interface TodayContext {
  /** The account's own zone (null when unset). */
  timeZone: string | null;
}
