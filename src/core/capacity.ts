import { cadenceInterval } from './cadence';
import type { Cadence, CircleKind } from './vocabulary';

/** A tracked contact as capacity planning sees it; `cadence` is the effective one, `health` 0–100. */
export interface CapacityContact {
  id: string;
  name: string;
  cadence: Cadence;
  circle: CircleKind | null;
  health: number;
}

/** One suggested change: move this contact from its cadence to a slower one (one or more steps). */
export interface CapacityMove {
  contactId: string;
  name: string;
  from: Cadence;
  to: Cadence;
  savedPerWeek: number;
}

/** Why no set of slower cadences fits: even everyone on the slowest one is over the budget. */
export interface CapacityShortfall {
  tracked: number;
  /** Touches per week with every tracked contact on a yearly cadence. */
  floorPerWeek: number;
  /** How many contacts would have to be untracked (the rest yearly) to fit. */
  untrackToFit: number;
}

export interface CapacityPlan {
  touchesPerWeek: number;
  budget: number;
  over: boolean;
  moves: CapacityMove[];
  /** Touches per week once every suggested move is applied. */
  afterMoves: number;
  /** True when afterMoves is at or under the budget. */
  fits: boolean;
  /** Set when slowing cadences cannot fit the budget at all; then there are no moves. */
  shortfall: CapacityShortfall | null;
}

const LADDER = ['monthly', 'quarterly', 'twice_yearly', 'yearly'] as const;
// Sums of thousands of sevenths drift; a plan "at" the budget must not read as over it.
const EPSILON = 1e-9;

/** Touches per week a cadence implies (7 / due days); 0 for cadences that are never due. */
export function touchesPerWeek(cadence: Cadence): number {
  const interval = cadenceInterval(cadence);
  return interval ? 7 / interval.dueDays : 0;
}

/** The next slower named cadence (monthly → quarterly → twice a year → yearly), or null at the end. */
export function slowerCadence(cadence: Cadence): Cadence | null {
  const interval = cadenceInterval(cadence);
  if (!interval) return null;
  const next = LADDER.find((kind) => (cadenceInterval({ kind })?.dueDays ?? 0) > interval.dueDays);
  return next ? { kind: next } : null;
}

/** The slowest cadence the ladder leads to from `cadence` (itself when it is already there). */
function slowest(cadence: Cadence): Cadence {
  let c = cadence;
  for (let next = slowerCadence(c); next; next = slowerCadence(c)) c = next;
  return c;
}

interface Step {
  c: CapacityContact;
  from: Cadence;
  to: Cadence;
  saved: number;
}

// Aspirational contacts are the easiest to slow down; then the weakest relationships; then the biggest saving.
function priority(a: Step, b: Step): number {
  const asp = Number(b.c.circle === 'aspirational') - Number(a.c.circle === 'aspirational');
  if (asp !== 0) return asp;
  if (a.c.health !== b.c.health) return a.c.health - b.c.health;
  if (a.saved !== b.saved) return b.saved - a.saved;
  if (a.c.name !== b.c.name) return a.c.name < b.c.name ? -1 : 1;
  return a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0;
}

const sum = (xs: Iterable<Cadence>) => {
  let total = 0;
  for (const x of xs) total += touchesPerWeek(x);
  return total;
};

/**
 * F3: weekly touches implied by all cadences vs the budget, with the moves that bring it to or
 * under the budget: one step slower at a time, weakest first, round after round (a contact may go
 * monthly → twice a year), then any move the others made unnecessary is dropped. When even every
 * contact on the slowest cadence is over the budget, no moves are suggested and `shortfall` says
 * how many would have to be untracked instead.
 */
function cadencePlan(contacts: readonly CapacityContact[], weeklyBudget: number): CapacityPlan {
  const total = sum(contacts.map((c) => c.cadence));
  const base = { touchesPerWeek: total, budget: weeklyBudget, afterMoves: total, shortfall: null };
  if (total <= weeklyBudget + EPSILON) return { ...base, over: false, moves: [], fits: true };

  const floors = contacts.map((c) => touchesPerWeek(slowest(c.cadence)));
  const floor = floors.reduce((a, b) => a + b, 0);
  if (floor > weeklyBudget + EPSILON) {
    // Untrack the contacts whose slowest cadence weighs most until the rest fit.
    const sorted = floors.sort((a, b) => b - a);
    let left = floor;
    let untrack = 0;
    while (left > weeklyBudget + EPSILON && untrack < sorted.length) left -= sorted[untrack++] ?? 0;
    return {
      ...base,
      over: true,
      moves: [],
      fits: false,
      shortfall: { tracked: contacts.length, floorPerWeek: floor, untrackToFit: untrack },
    };
  }

  const current = new Map(contacts.map((c) => [c.id, c.cadence]));
  const steps: Step[] = [];
  let after = total;
  // Each round offers every contact one more step; the ladder has four rungs, so a few rounds end it.
  while (after > weeklyBudget + EPSILON) {
    const round = contacts
      .flatMap((c) => {
        const from = current.get(c.id) ?? c.cadence;
        const to = slowerCadence(from);
        return to ? [{ c, from, to, saved: touchesPerWeek(from) - touchesPerWeek(to) }] : [];
      })
      .sort(priority);
    if (round.length === 0) break;
    for (const s of round) {
      if (after <= weeklyBudget + EPSILON) break;
      steps.push(s);
      current.set(s.c.id, s.to);
      after -= s.saved;
    }
  }
  // Latest first, undo a step that is still its contact's last one when the plan fits without it.
  const keptLater = new Set<string>();
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (!s) continue;
    if (!keptLater.has(s.c.id) && after + s.saved <= weeklyBudget + EPSILON) {
      current.set(s.c.id, s.from);
      after += s.saved;
    } else {
      keptLater.add(s.c.id);
    }
  }

  const moves = contacts.flatMap((c) => {
    const to = current.get(c.id) ?? c.cadence;
    if (to === c.cadence) return [];
    return [{ contactId: c.id, name: c.name, from: c.cadence, to, c }];
  });
  // In the order they were first chosen: the weakest and the aspirational lead the list.
  const firstStep = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!firstStep.has(s.c.id)) firstStep.set(s.c.id, i);
  });
  moves.sort((a, b) => (firstStep.get(a.contactId) ?? 0) - (firstStep.get(b.contactId) ?? 0));
  const afterMoves = sum(current.values());
  return {
    ...base,
    over: true,
    afterMoves,
    fits: afterMoves <= weeklyBudget + EPSILON,
    moves: moves.map(({ c, ...m }) => ({
      ...m,
      savedPerWeek: touchesPerWeek(c.cadence) - touchesPerWeek(m.to),
    })),
  };
}

/** Tracked contacts that share one cadence: `n` of them, counted rather than listed. */
export interface CadenceGroup {
  cadence: Cadence;
  n: number;
}

// `n` additions of the same term in order: the very sum a list of n entries gives, bit for bit.
function addTimes(total: number, term: number, n: number): number {
  let t = total;
  for (let i = 0; i < n; i++) t += term;
  return t;
}

const groupSum = (groups: readonly CadenceGroup[], per: (c: Cadence) => number) =>
  groups.reduce((t, g) => addTimes(t, per(g.cadence), g.n), 0);

/**
 * Whether capacityPlan would rank moves, the only place it reads `health`: the cadences are over
 * the budget the holidays leave, and everyone on the slowest cadence would fit. Otherwise the plan
 * is the same whatever the health scores (a test checks), so the service can skip reading a year
 * of interactions: at 30,000 contacts that read was most of the capacity plan's 550 ms.
 */
export function planRanksByHealth(
  groups: readonly CadenceGroup[],
  weeklyBudget: number,
  extraPerWeek = 0,
): boolean {
  const budget = weeklyBudget - extraPerWeek;
  if (groupSum(groups, touchesPerWeek) <= budget + EPSILON) return false;
  return groupSum(groups, (c) => touchesPerWeek(slowest(c))) <= budget + EPSILON;
}

/**
 * capacityPlan from counted groups, for every plan that has no moves to rank (under the budget, or
 * over it whatever the cadences): the same result, summed in the same order, without an entry per
 * contact (30,000 of them were a tenth of the plan's time). Null when the plan ranks moves
 * (planRanksByHealth): then it needs each contact's name and health, and capacityPlan.
 */
export function capacityPlanOfGroups(
  groups: readonly CadenceGroup[],
  weeklyBudget: number,
  extraPerWeek = 0,
): CapacityPlan | null {
  if (planRanksByHealth(groups, weeklyBudget, extraPerWeek)) return null;
  const budget = weeklyBudget - extraPerWeek;
  const total = groupSum(groups, touchesPerWeek);
  const base = { touchesPerWeek: total, budget, afterMoves: total, shortfall: null };
  if (total <= budget + EPSILON)
    return withExtra({ ...base, over: false, moves: [], fits: true }, weeklyBudget, extraPerWeek);
  // Over the budget even on the slowest cadences (planRanksByHealth said no moves fit).
  const floors = groups.map((g) => ({ floor: touchesPerWeek(slowest(g.cadence)), n: g.n }));
  const floor = floors.reduce((t, f) => addTimes(t, f.floor, f.n), 0);
  // As cadencePlan: untrack the contacts whose slowest cadence weighs most until the rest fit.
  floors.sort((a, b) => b.floor - a.floor);
  let left = floor;
  let untrack = 0;
  for (const f of floors)
    for (let i = 0; i < f.n && left > budget + EPSILON; i++) {
      left -= f.floor;
      untrack++;
    }
  const tracked = groups.reduce((t, g) => t + g.n, 0);
  return withExtra(
    {
      ...base,
      over: true,
      moves: [],
      fits: false,
      shortfall: { tracked, floorPerWeek: floor, untrackToFit: untrack },
    },
    weeklyBudget,
    extraPerWeek,
  );
}

/** A plan made against the budget the holidays leave, reported with their fixed touches added back. */
function withExtra(plan: CapacityPlan, weeklyBudget: number, extraPerWeek: number): CapacityPlan {
  return {
    ...plan,
    budget: weeklyBudget,
    touchesPerWeek: plan.touchesPerWeek + extraPerWeek,
    afterMoves: plan.afterMoves + extraPerWeek,
    shortfall: plan.shortfall && {
      ...plan.shortfall,
      floorPerWeek: plan.shortfall.floorPerWeek + extraPerWeek,
    },
  };
}

/**
 * F3 with the chosen holidays (F9): their `extraPerWeek` touches are fixed, so the cadence moves
 * must fit in the budget they leave; the totals reported include them.
 */
export function capacityPlan(
  contacts: readonly CapacityContact[],
  weeklyBudget: number,
  extraPerWeek = 0,
): CapacityPlan {
  return withExtra(cadencePlan(contacts, weeklyBudget - extraPerWeek), weeklyBudget, extraPerWeek);
}

/** Touches per week of each circle's tracked contacts (key null: contacts in no circle); `n` counts a group. */
export function touchesByCircle(
  contacts: readonly { circleId: string | null; cadence: Cadence; n?: number }[],
): Map<string | null, { contacts: number; touchesPerWeek: number }> {
  const out = new Map<string | null, { contacts: number; touchesPerWeek: number }>();
  for (const c of contacts) {
    const n = c.n ?? 1;
    const row = out.get(c.circleId) ?? { contacts: 0, touchesPerWeek: 0 };
    row.contacts += n;
    row.touchesPerWeek = addTimes(row.touchesPerWeek, touchesPerWeek(c.cadence), n);
    out.set(c.circleId, row);
  }
  return out;
}
