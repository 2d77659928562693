import type { Dashboard } from '@contract/dashboard';

/** "9 Mar" for a week's Monday (a UTC date: the server buckets weeks in UTC). */
export function weekLabel(start: string, locale?: string): string {
  return new Date(`${start}T00:00:00Z`).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** Rows for the weekly line chart. */
export function touchRows(d: Dashboard, locale?: string) {
  return d.touches.weeks.map((w) => ({
    week: weekLabel(w.start, locale),
    Outbound: w.outbound,
    Inbound: w.inbound,
  }));
}

/** Donut cells for cadence adherence; a grey ring when nobody is tracked, so the chart still says so. */
export function cadenceCells(c: Dashboard['cadence']) {
  if (c.tracked === 0) return [{ name: 'No tracked contacts', value: 1, color: 'gray.5' }];
  return [
    { name: 'On time', value: c.onTime, color: 'teal.6' },
    { name: 'Due', value: c.due, color: 'yellow.6' },
    { name: 'Overdue', value: c.overdue, color: 'red.6' },
  ];
}

/** Whole-number share, 0 when there is nothing to share. */
export function percent(part: number, whole: number): number {
  if (whole === 0) return 0;
  const p = Math.round((part / whole) * 100);
  // "100% on time" beside "Overdue 35" reads as a lie: only all is 100, only none is 0.
  if (p === 100 && part < whole) return 99;
  if (p === 0 && part > 0) return 1;
  return p;
}
