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

/** One suggested change: move this contact one step slower. */
export interface CapacityMove {
  contactId: string;
  name: string;
  from: Cadence;
  to: Cadence;
  savedPerWeek: number;
}

export interface CapacityPlan {
  touchesPerWeek: number;
  budget: number;
  over: boolean;
  moves: CapacityMove[];
  /** Touches per week once every suggested move is applied (may still exceed the budget). */
  afterMoves: number;
}

const LADDER = ['monthly', 'quarterly', 'twice_yearly', 'yearly'] as const;

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

// Aspirational contacts are the easiest to slow down; then the weakest relationships; then the biggest saving.
function priority(
  a: CapacityMove & { c: CapacityContact },
  b: CapacityMove & { c: CapacityContact },
): number {
  const asp = Number(b.c.circle === 'aspirational') - Number(a.c.circle === 'aspirational');
  if (asp !== 0) return asp;
  if (a.c.health !== b.c.health) return a.c.health - b.c.health;
  if (a.savedPerWeek !== b.savedPerWeek) return b.savedPerWeek - a.savedPerWeek;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0;
}

/** F3: weekly touches implied by all cadences vs the budget, with the fewest one-step-slower moves to fit. */
export function capacityPlan(contacts: readonly CapacityContact[], weeklyBudget: number): CapacityPlan {
  const total = contacts.reduce((sum, c) => sum + touchesPerWeek(c.cadence), 0);
  const over = total > weeklyBudget;
  if (!over) return { touchesPerWeek: total, budget: weeklyBudget, over, moves: [], afterMoves: total };

  const candidates = contacts
    .flatMap((c) => {
      const to = slowerCadence(c.cadence);
      if (!to) return [];
      const savedPerWeek = touchesPerWeek(c.cadence) - touchesPerWeek(to);
      return [{ contactId: c.id, name: c.name, from: c.cadence, to, savedPerWeek, c }];
    })
    .sort(priority);

  // Greedy in priority order, then drop any move the others make unnecessary (latest first), so the
  // list stays short without abandoning the "slow the weakest first" order.
  const chosen: typeof candidates = [];
  let after = total;
  for (const m of candidates) {
    if (after <= weeklyBudget) break;
    chosen.push(m);
    after -= m.savedPerWeek;
  }
  for (let i = chosen.length - 1; i >= 0; i--) {
    const m = chosen[i]!;
    if (after + m.savedPerWeek <= weeklyBudget) {
      chosen.splice(i, 1);
      after += m.savedPerWeek;
    }
  }
  const moves = chosen.map(({ c: _c, ...move }) => move);
  return { touchesPerWeek: total, budget: weeklyBudget, over, moves, afterMoves: after };
}
