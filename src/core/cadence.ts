import { addDays } from './instant';
import { isOneOf } from './one-of';
import {
  type Cadence,
  type CadenceKind,
  CHANNELS,
  type Channel,
  type CircleKind,
  DIRECTIONS,
  type Direction,
} from './vocabulary';

/** F2: cadences kept without a rhythm; a contact on one (own, or its circle's) is not tracked. */
export const UNTRACKED_CADENCES = ['ad_hoc', 'not_tracked'] as const satisfies readonly CadenceKind[];

/** Whether a cadence kind keeps a rhythm (anything but ad hoc and not tracked). */
export function keepsRhythm(kind: CadenceKind): boolean {
  return !isOneOf(UNTRACKED_CADENCES, kind);
}

/** Ideal gap (due) and maximum gap (overdue) between two meaningful touches, in days. */
export interface CadenceInterval {
  dueDays: number;
  overdueDays: number;
}

// Named intervals from the product spec; overdue leaves about a third of slack before it turns red.
const NAMED: Record<'monthly' | 'quarterly' | 'twice_yearly' | 'yearly', CadenceInterval> = {
  monthly: { dueDays: 30, overdueDays: 45 },
  quarterly: { dueDays: 90, overdueDays: 120 },
  twice_yearly: { dueDays: 182, overdueDays: 240 },
  yearly: { dueDays: 365, overdueDays: 450 },
};

// Mean Gregorian month, so "every 3 months" lands near a quarter (91 d), not on 90 or 93.
const DAYS_PER_MONTH = 30.44;

/** The due/overdue interval of a cadence, or null for cadences that are never due (ad hoc, not tracked). */
export function cadenceInterval(cadence: Cadence): CadenceInterval | null {
  switch (cadence.kind) {
    case 'ad_hoc':
    case 'not_tracked':
      return null;
    case 'custom': {
      if (!Number.isFinite(cadence.every) || cadence.every <= 0) return null;
      const perUnit = cadence.unit === 'days' ? 1 : cadence.unit === 'weeks' ? 7 : DAYS_PER_MONTH;
      const dueDays = Math.max(1, Math.round(cadence.every * perUnit));
      return { dueDays, overdueDays: Math.round((dueDays * 4) / 3) };
    }
    default:
      return NAMED[cadence.kind];
  }
}

/** Cadence a contact gets from its circle when none is set on the contact. */
export const DEFAULT_CADENCE_BY_CIRCLE = {
  mentor: { kind: 'quarterly' },
  peer: { kind: 'quarterly' },
  industry_leader: { kind: 'twice_yearly' },
  client_partner: { kind: 'monthly' },
  aspirational: { kind: 'twice_yearly' },
  other: { kind: 'yearly' },
} as const satisfies Record<CircleKind, Cadence>;

/** The cadence that applies: untracked wins, then the contact's own, then its circle's default, then yearly. */
export function effectiveCadence(
  contactCadence: Cadence | null,
  circleKind: CircleKind | null,
  tracked: boolean,
): Cadence {
  if (!tracked) return { kind: 'not_tracked' };
  if (contactCadence) return contactCadence;
  return DEFAULT_CADENCE_BY_CIRCLE[circleKind ?? 'other'];
}

/** When the next touch is due: last meaningful interaction (or creation, if never contacted) plus the interval. */
export function nextDueAt(
  lastMeaningfulAt: string | null,
  cadence: Cadence,
  createdAt: string,
): string | null {
  const interval = cadenceInterval(cadence);
  return interval ? addDays(lastMeaningfulAt ?? createdAt, interval.dueDays) : null;
}

/** When the contact turns overdue: the same anchor plus the maximum interval. */
export function overdueAt(
  lastMeaningfulAt: string | null,
  cadence: Cadence,
  createdAt: string,
): string | null {
  const interval = cadenceInterval(cadence);
  return interval ? addDays(lastMeaningfulAt ?? createdAt, interval.overdueDays) : null;
}

/** The shape of an interaction that cadence logic looks at. */
export interface CadenceInteraction {
  channel: Channel;
  direction: Direction;
  summary?: string | null;
}

/** Whether an interaction resets the cadence clock: any real exchange, either way, on any channel, even empty. */
export function isMeaningful(interaction: CadenceInteraction): boolean {
  // Content is not required: a bare "sent a card" still keeps the relationship warm (F4 spec).
  return isOneOf(CHANNELS, interaction.channel) && isOneOf(DIRECTIONS, interaction.direction);
}

/** Human name of a cadence for headlines ("quarterly", "every 3 weeks"). */
export function cadenceLabel(cadence: Cadence): string {
  switch (cadence.kind) {
    case 'custom': {
      const unit = cadence.every === 1 ? cadence.unit.replace(/s$/, '') : cadence.unit;
      return cadence.every === 1 ? `every ${unit}` : `every ${cadence.every} ${unit}`;
    }
    case 'twice_yearly':
      return 'twice-yearly';
    case 'ad_hoc':
      return 'ad hoc';
    case 'not_tracked':
      return 'untracked';
    default:
      return cadence.kind;
  }
}
