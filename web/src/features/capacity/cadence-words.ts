import type { Circle } from '@contract/circles';

type Cadence = Circle['cadence'];

/** How a cadence reads in a sentence: "monthly", "twice a year", "every 3 weeks". */
export function cadenceWords(c: Cadence): string {
  switch (c.kind) {
    case 'custom':
      return `every ${c.every} ${c.every === 1 ? c.unit.replace(/s$/, '') : c.unit}`;
    case 'twice_yearly':
      return 'twice a year';
    case 'ad_hoc':
      return 'ad hoc (never due)';
    case 'not_tracked':
      return 'not tracked';
    default:
      return c.kind;
  }
}

/** The named cadences a picker offers, in the ladder's order. */
export const CADENCE_CHOICES = [
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'twice_yearly', label: 'Twice a year' },
  { value: 'yearly', label: 'Yearly' },
  { value: 'ad_hoc', label: 'Ad hoc (never due)' },
] as const;

/** Large counts with separators ("30,000"), touches to one decimal below ten. */
export function touchesWords(perWeek: number): string {
  const rounded = perWeek < 10 ? Math.round(perWeek * 10) / 10 : Math.round(perWeek);
  return rounded.toLocaleString('en-US');
}
