import type { Command } from 'commander';
import type { z } from 'zod';
import type { ContactCreate, ContactPatch } from '../contract/contacts';

/** What the API accepts (zod input types: defaults may be left out). */
export type CreateBody = z.input<typeof ContactCreate>;
export type PatchBody = z.input<typeof ContactPatch>;

/** The flags of `contacts add` and `contacts edit`, as commander parses them. */
export interface ContactOptions {
  first?: string;
  last?: string;
  email?: string[];
  phone?: string[];
  company?: string;
  title?: string;
  city?: string;
  country?: string;
  tz?: string;
  circle?: string;
  tag?: string[];
  metOn?: string;
  howMet?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds the contact flags; repeatable ones collect into arrays and stay undefined when not given. */
export function contactFlags(cmd: Command, firstRequired: boolean): Command {
  const first = firstRequired
    ? cmd.requiredOption('--first <name>', 'first name')
    : cmd.option('--first <name>', 'first name');
  return first
    .option('--last <name>', 'last name')
    .option('--email <address>', 'e-mail address (repeatable)', collect)
    .option('--phone <number>', 'phone number (repeatable)', collect)
    .option('--company <name>', 'company')
    .option('--title <title>', 'job title')
    .option('--city <city>', 'city')
    .option('--country <country>', 'country')
    .option('--tz <zone>', 'IANA time zone, e.g. Europe/Paris')
    .option('--circle <name-or-id>', 'circle, by name or id')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--met-on <date>', 'when you met, YYYY-MM-DD')
    .option('--how-met <text>', 'how you met');
}

const nonEmpty = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);
/** An empty flag value clears a nullable field (`--company ''`). */
const orNull = (v: string) => (v.trim() === '' ? null : v);

/**
 * The PATCH body for the flags given: flags not given are absent (unchanged), a repeatable flag
 * replaces the whole list, an empty value clears the field.
 */
export function patchBody(o: ContactOptions, circleId: string | null | undefined): PatchBody {
  return {
    ...(o.first !== undefined && { firstName: o.first }),
    ...(o.last !== undefined && { lastName: o.last }),
    ...(o.email && { emails: nonEmpty(o.email).map((value) => ({ value })) }),
    ...(o.phone && { phones: nonEmpty(o.phone).map((value) => ({ value })) }),
    ...(o.tag && { tags: nonEmpty(o.tag) }),
    ...(o.company !== undefined && { company: orNull(o.company) }),
    ...(o.title !== undefined && { title: orNull(o.title) }),
    ...(o.city !== undefined && { city: orNull(o.city) }),
    ...(o.country !== undefined && { country: orNull(o.country) }),
    ...(o.tz !== undefined && { timeZone: orNull(o.tz) }),
    ...(o.metOn !== undefined && { metOn: orNull(o.metOn) }),
    ...(o.howMet !== undefined && { howMet: orNull(o.howMet) }),
    ...(circleId !== undefined && { circleId }),
  };
}

/** The POST body: the same fields, with the first name commander already required. */
export function createBody(o: ContactOptions & { first: string }, circleId: string | undefined): CreateBody {
  return { ...patchBody(o, circleId), firstName: o.first };
}
