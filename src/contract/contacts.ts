import { z } from 'zod';
import { invalidDay } from '../core/important-dates';
import { isSafeLink } from '../core/safe-link';
import { CADENCE_KINDS, CHANNELS, LINK_KINDS } from '../core/vocabulary';
import {
  Cadence,
  Id,
  IsoDate,
  IsoDateTime,
  Limit,
  page,
  requiredText,
  TimeZone,
  text,
  WorkingHours,
} from './common';

const Email = z.object({
  value: z.email('must be a valid e-mail address').max(320),
  label: text(40).optional(),
});
const Phone = z.object({
  value: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[+\d][\d ()./-]*\d(\s*(x|ext\.?)\s*\d+)?$/i, 'must be a phone number'),
  label: text(40).optional(),
});
const Link = z.object({
  kind: z.enum(LINK_KINDS),
  url: z.url('must be a URL').max(500).refine(isSafeLink, 'must be an http, https, mailto or tel link'),
});

/** A birthday straight on the contact form; it is stored as the contact's birthday important date. */
export const Birthday = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2200).nullish().describe('omit when unknown'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const why = invalidDay(v.month, v.day, v.year);
    if (why) ctx.addIssue({ code: 'custom', path: ['day'], message: why });
  });
export type Birthday = z.infer<typeof Birthday>;

const contactFields = {
  firstName: requiredText(100),
  lastName: text(100).default(''),
  company: text().nullish(),
  title: text().nullish(),
  industry: text(100).nullish(),
  city: text(100).nullish(),
  country: text(100).nullish(),
  timeZone: TimeZone.nullish(),
  workingHours: WorkingHours.nullish(),
  preferredChannel: z.enum(CHANNELS).nullish(),
  howMet: text(1000).nullish(),
  metOn: IsoDate.nullish(),
  circleId: Id.nullish(),
  tracked: z.boolean().default(true),
  cadence: Cadence.nullish().describe('null = the circle default'),
  emails: z.array(Email).max(20).default([]),
  phones: z.array(Phone).max(20).default([]),
  links: z.array(Link).max(20).default([]),
  tags: z.array(requiredText(50)).max(50).default([]),
  birthday: Birthday.nullish().describe(
    'sets the birthday important date (7 days notice); on PATCH null removes it, absent leaves it',
  ),
};

export const ContactCreate = z.object(contactFields).strict();
export type ContactCreate = z.infer<typeof ContactCreate>;

/** PATCH: every field optional; absent = unchanged, null = cleared. */
export const ContactPatch = z
  .object({
    ...contactFields,
    firstName: requiredText(100).optional(),
    lastName: text(100).optional(),
    tracked: z.boolean().optional(),
    capture: z
      .boolean()
      .optional()
      .describe("false = never turn this person's mail or meetings into interactions"),
    emails: z.array(Email).max(20).optional(),
    phones: z.array(Phone).max(20).optional(),
    links: z.array(Link).max(20).optional(),
    tags: z.array(requiredText(50)).max(50).optional(),
  })
  .strict();
export type ContactPatch = z.infer<typeof ContactPatch>;

export const Contact = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  industry: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  timeZone: z.string().nullable(),
  workingHours: WorkingHours.nullable(),
  preferredChannel: z.enum(CHANNELS).nullable(),
  howMet: z.string().nullable(),
  metOn: z.string().nullable(),
  circleId: z.string().nullable(),
  tracked: z.boolean(),
  capture: z.boolean().describe('mail and meetings with them are captured (F30)'),
  cadence: Cadence.nullable(),
  emails: z.array(z.object({ value: z.string(), label: z.string().nullable() })),
  phones: z.array(z.object({ value: z.string(), label: z.string().nullable() })),
  links: z.array(z.object({ kind: z.enum(LINK_KINDS), url: z.string() })),
  tags: z.array(z.string()),
  photoHash: z
    .string()
    .nullable()
    .describe('the ETag of GET /contacts/{id}/photo; null = no photo (show initials)'),
  lastInteractionAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  healthScore: z
    .number()
    .int()
    .nullable()
    .describe('F20 health 0–100, rescored on every write and daily; null = no history (never contacted)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

const HealthBound = z.coerce.number().int().min(0).max(100);

export const ContactFilter = z.object({
  q: text(200).optional().describe('full-text: names, companies, e-mails, notes, facts'),
  circleId: Id.optional(),
  tag: text(50).optional(),
  company: text().optional(),
  industry: text(100).optional(),
  city: text(100).optional(),
  country: text(100).optional(),
  lastContactBefore: IsoDateTime.optional(),
  lastContactAfter: IsoDateTime.optional(),
  cadence: z
    .enum(CADENCE_KINDS)
    .optional()
    .describe("the cadence in force: the contact's own, or else their circle's default"),
  healthMin: HealthBound.optional().describe('health score at least this (0–100); leaves out no history'),
  healthMax: HealthBound.optional().describe('health score at most this (0–100); leaves out no history'),
  noHistory: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .describe('true: only people never contacted (no health score); false: only those with a score'),
});
export type ContactFilter = z.infer<typeof ContactFilter>;

export const CONTACT_SORTS = ['name', 'last_contact', 'next_due', 'health'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const ContactListQuery = ContactFilter.extend({
  sort: z
    .enum(CONTACT_SORTS)
    .default('name')
    .describe(
      'name A–Z; last_contact newest first; next_due soonest first; health weakest first (no value last)',
    ),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page, with the same sort'),
  limit: Limit,
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
export const ContactPage = page(Contact).extend({
  total: z.number().int().describe('how many contacts match the filter, on every page'),
});
export type ContactPage = z.infer<typeof ContactPage>;
