import type { ImportantDate } from '@contract/important-dates';
import { humanize } from '../../lib/format';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const MONTH_OPTIONS = MONTHS.map((label, i) => ({ value: String(i + 1), label }));

/** "14 March 1990" or, without a year, "14 March". */
export function dayText(d: Pick<ImportantDate, 'month' | 'day' | 'year'>): string {
  return `${d.day} ${MONTHS[d.month - 1] ?? '?'}${d.year ? ` ${d.year}` : ''}`;
}

/** "Birthday", or the label for "other" kinds ("Graduation"). */
export function dateTitle(d: Pick<ImportantDate, 'kind' | 'label'>): string {
  return d.label ? (d.kind === 'other' ? d.label : `${humanize(d.kind)}: ${d.label}`) : humanize(d.kind);
}
