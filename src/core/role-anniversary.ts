import { calendarDays, localDate } from './instant';
import type { LifeEventKind } from './vocabulary';

/** Life events that mean a new job or role: their yearly return is a reason to say well done (F9). */
export const ROLE_CHANGE_KINDS = ['new_job', 'new_role'] as const satisfies readonly LifeEventKind[];

/** Days ahead a role anniversary shows, like a work anniversary entered as a date. */
export const ROLE_ANNIVERSARY_LEAD_DAYS = 3;

export interface RoleAnniversary {
  /** Whole years in the role on the anniversary. */
  years: number;
  inDays: number;
  /** yyyy-MM-dd of the anniversary. */
  date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The next anniversary of a job change (`startedOn` yyyy-MM-dd) within `leadDays`, in the contact's
 * zone, or null; the day of the change itself is no anniversary. A 29 February start is kept on
 * the 28th in common years.
 */
export function roleAnniversary(
  startedOn: string,
  now: string,
  zone: string | null | undefined,
  leadDays = ROLE_ANNIVERSARY_LEAD_DAYS,
): RoleAnniversary | null {
  // startedOn is YYYY-MM-DD.
  const y = Number(startedOn.slice(0, 4));
  const m = Number(startedOn.slice(5, 7));
  const d = Number(startedOn.slice(8, 10));
  const today = localDate(now, zone);
  for (const year of [today.year, today.year + 1]) {
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const target = { year, month: m, day: Math.min(d, last) };
    const inDays = calendarDays(today, target);
    if (inDays < 0) continue;
    if (inDays > leadDays || year - y < 1) return null;
    return { years: year - y, inDays, date: `${year}-${pad(m)}-${pad(target.day)}` };
  }
  return null;
}

const ORDINAL_YEARS = ['', 'One year', 'Two years', 'Three years', 'Four years', 'Five years'];

/** "One year in the new role tomorrow", "Three years at the new job on Friday". */
export function describeRoleAnniversary(
  kind: (typeof ROLE_CHANGE_KINDS)[number],
  a: RoleAnniversary,
): string {
  const span = ORDINAL_YEARS[a.years] ?? `${a.years} years`;
  const what = kind === 'new_job' ? 'at the new job' : 'in the new role';
  const when = a.inDays === 0 ? 'today' : a.inDays === 1 ? 'tomorrow' : `in ${a.inDays} days`;
  return `${span} ${what} ${when}`;
}
