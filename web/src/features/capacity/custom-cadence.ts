import type { Circle } from '@contract/circles';
import { CADENCE_UNITS } from '@contract/vocabulary';

type Cadence = Circle['cadence'];
export type CadenceUnit = (typeof CADENCE_UNITS)[number];

/** The most a custom cadence allows (the contract's limit): every 1000 days, weeks or months. */
export const MAX_EVERY = 1000;

/**
 * "every N days/weeks/months" as typed, checked before it is sent: the cadence, or the message to
 * show under the field that is wrong, named like the server's errors (cadence.every, cadence.unit).
 */
export function parseCustomCadence(
  every: string,
  unit: string | null,
): { cadence: Cadence } | { field: 'cadence.every' | 'cadence.unit'; message: string } {
  const text = every.trim();
  if (!/^\d+$/.test(text))
    return { field: 'cadence.every', message: `every: a whole number from 1 to ${MAX_EVERY}` };
  const n = Number(text);
  if (n < 1 || n > MAX_EVERY)
    return { field: 'cadence.every', message: `every: from 1 to ${MAX_EVERY}, not ${text}` };
  const u = CADENCE_UNITS.find((x) => x === unit);
  if (!u) return { field: 'cadence.unit', message: 'unit: days, weeks or months' };
  return { cadence: { kind: 'custom', every: n, unit: u } };
}
