import type { Contact, ContactCreate } from '@contract/contacts';
import type { Channel } from '../../../../src/core/vocabulary';

/** What the add/edit form holds: plain strings per input, lists as rows. */
export interface ContactFormValues {
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  linkedin: string;
  website: string;
  company: string;
  title: string;
  industry: string;
  city: string;
  country: string;
  timeZone: string | null;
  preferredChannel: Channel | null;
  circleId: string | null;
  tags: string[];
  howMet: string;
  metOn: string;
  tracked: boolean;
  /** Birthday as typed: month "1"–"12" or null, day and (optional) year as digits. */
  birthdayMonth: string | null;
  birthdayDay: string;
  birthdayYear: string;
}

/** The part of an important date the form shows. */
export interface BirthdayValue {
  month: number;
  day: number;
  year: number | null;
}

export function emptyContactForm(): ContactFormValues {
  return {
    firstName: '',
    lastName: '',
    emails: [''],
    phones: [''],
    linkedin: '',
    website: '',
    company: '',
    title: '',
    industry: '',
    city: '',
    country: '',
    timeZone: null,
    preferredChannel: null,
    circleId: null,
    tags: [],
    howMet: '',
    metOn: '',
    tracked: true,
    birthdayMonth: null,
    birthdayDay: '',
    birthdayYear: '',
  };
}

/** The form's starting values for an existing contact (one empty row where a list is empty). */
export function contactToForm(c: Contact, birthday?: BirthdayValue | null): ContactFormValues {
  const rows = (list: { value: string }[]) => (list.length ? list.map((x) => x.value) : ['']);
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    emails: rows(c.emails),
    phones: rows(c.phones),
    linkedin: c.links.find((l) => l.kind === 'linkedin')?.url ?? '',
    website: c.links.find((l) => l.kind === 'website')?.url ?? '',
    company: c.company ?? '',
    title: c.title ?? '',
    industry: c.industry ?? '',
    city: c.city ?? '',
    country: c.country ?? '',
    timeZone: c.timeZone,
    preferredChannel: c.preferredChannel,
    circleId: c.circleId,
    tags: c.tags,
    howMet: c.howMet ?? '',
    metOn: c.metOn ?? '',
    tracked: c.tracked,
    birthdayMonth: birthday ? String(birthday.month) : null,
    birthdayDay: birthday ? String(birthday.day) : '',
    birthdayYear: birthday?.year ? String(birthday.year) : '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * The request body. Links other than LinkedIn and website (imported ones) are kept as they were;
 * the labels of e-mails and phones that still exist are kept too.
 */
export function formToPayload(v: ContactFormValues, original?: Contact, hadBirthday = false): ContactCreate {
  const labelOf = (list: { value: string; label: string | null }[] | undefined, value: string) =>
    list?.find((x) => x.value === value)?.label ?? undefined;
  const rows = (values: string[], list?: { value: string; label: string | null }[]) =>
    values
      .map((s) => s.trim())
      .filter(Boolean)
      .map((value) => {
        const label = labelOf(list, value);
        return label ? { value, label } : { value };
      });
  const links: ContactCreate['links'] = [];
  if (v.linkedin.trim()) links.push({ kind: 'linkedin', url: v.linkedin.trim() });
  if (v.website.trim()) links.push({ kind: 'website', url: v.website.trim() });
  for (const link of original?.links ?? []) {
    if (link.kind !== 'linkedin' && link.kind !== 'website') links.push(link);
  }
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    emails: rows(v.emails, original?.emails),
    phones: rows(v.phones, original?.phones),
    links,
    company: orNull(v.company),
    title: orNull(v.title),
    industry: orNull(v.industry),
    city: orNull(v.city),
    country: orNull(v.country),
    timeZone: v.timeZone || null,
    preferredChannel: v.preferredChannel,
    circleId: v.circleId || null,
    tags: [...new Set(v.tags.map((t) => t.trim()).filter(Boolean))],
    howMet: orNull(v.howMet),
    metOn: orNull(v.metOn),
    tracked: v.tracked,
    ...birthdayPayload(v, hadBirthday),
  };
}

/**
 * Month and day make a birthday (the year is optional); clearing both removes one the contact had,
 * and a form that never had one sends nothing. Half a date is sent as typed, for the server to name.
 */
function birthdayPayload(v: ContactFormValues, hadBirthday: boolean): Pick<ContactCreate, 'birthday'> {
  const day = v.birthdayDay.trim();
  const year = v.birthdayYear.trim();
  if (!v.birthdayMonth && !day) return hadBirthday ? { birthday: null } : {};
  return {
    birthday: {
      month: Number(v.birthdayMonth ?? 0),
      day: Number(day || 0),
      ...(year && { year: Number(year) }),
    },
  };
}

/**
 * Which input a server error belongs to: `emails.2.value` → the third non-empty e-mail row as the
 * form shows it. Returns the row index in the form, since empty rows were dropped from the body.
 */
export function rowForField(values: string[], listIndex: number): number {
  let seen = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i]?.trim()) seen++;
    if (seen === listIndex) return i;
  }
  return -1;
}

/** Which form input a link error (`links.N.url`) points at, given the body we sent. */
export function linkInputForField(v: ContactFormValues, listIndex: number): 'linkedin' | 'website' | null {
  const order: ('linkedin' | 'website')[] = [];
  if (v.linkedin.trim()) order.push('linkedin');
  if (v.website.trim()) order.push('website');
  return order[listIndex] ?? null;
}
