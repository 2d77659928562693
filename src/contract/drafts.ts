import { z } from 'zod';
import { DRAFT_OCCASIONS, DRAFT_VARIABLES } from '../core/draft-templates';
import { CHANNELS } from '../core/vocabulary';
import { Id, requiredText } from './common';

export const DraftCreate = z
  .object({
    occasion: z.enum(DRAFT_OCCASIONS),
    channel: z.enum(CHANNELS).optional().describe("defaults to the contact's preferred channel, else email"),
    resourceId: Id.optional().describe(
      'share_resource defaults to the best matching resource not yet shared',
    ),
  })
  .strict();
export type DraftCreate = z.infer<typeof DraftCreate>;

export const LintIssue = z.object({
  code: z.enum(['empty_opener', 'no_reason', 'unclear_ask', 'too_long', 'too_short']),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type LintIssue = z.infer<typeof LintIssue>;

export const DraftLinks = z.object({
  mailto: z.string().nullable(),
  sms: z.string().nullable(),
  tel: z.string().nullable(),
  whatsapp: z.string().nullable(),
  linkedin: z.string().nullable().describe('the profile: LinkedIn cannot prefill a message'),
});

export const Draft = z.object({
  occasion: z.enum(DRAFT_OCCASIONS),
  templateId: z.string(),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  body: z.string().describe('plain text; line breaks only on channels that keep them'),
  lint: z.array(LintIssue),
  links: DraftLinks,
  variables: z.record(z.enum(DRAFT_VARIABLES), z.string()).describe('empty string = unknown'),
  resourceId: Id.nullable(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftLintBody = z
  .object({
    body: requiredText(20_000),
    channel: z.enum(CHANNELS),
    contactId: Id.optional().describe("anchors the check in this contact's facts, topics and news"),
  })
  .strict();
export type DraftLintBody = z.infer<typeof DraftLintBody>;
export const DraftLintResult = z.object({ issues: z.array(LintIssue) });

// The web app reads the domain's words through the contract (@contract/*), never src/core directly.
export { deepLinks } from '../core/deep-links';
export { DRAFT_OCCASIONS, type DraftOccasion } from '../core/draft-templates';
