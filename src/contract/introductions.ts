import { z } from 'zod';
import { INTRODUCTION_ACTIONS, INTRODUCTION_OUTCOMES, INTRODUCTION_STAGES } from '../core/introductions';
import { Id, requiredText, text } from './common';

export const IntroductionCreate = z
  .object({ aContactId: Id, bContactId: Id, reason: requiredText(1000) })
  .strict();
export type IntroductionCreate = z.infer<typeof IntroductionCreate>;

export const IntroductionAdvance = z
  .object({ action: z.enum(INTRODUCTION_ACTIONS), note: text(2000).optional() })
  .strict();
export type IntroductionAdvance = z.infer<typeof IntroductionAdvance>;

export const IntroductionListQuery = z.object({
  open: z.enum(['true', 'false']).optional().describe('true: still running; false: ended; absent: all'),
});

const Side = z.enum(['a', 'b']);
const Links = z.object({
  mailto: z.string().nullable(),
  sms: z.string().nullable(),
  tel: z.string().nullable(),
  whatsapp: z.string().nullable(),
  linkedin: z.string().nullable(),
});
export const IntroductionDraft = z.object({
  step: z.enum(['ask_a', 'ask_b', 'intro', 'decline_close']),
  messages: z.array(z.object({ to: z.array(Side), subject: z.string(), body: z.string(), links: Links })),
});

export const Introduction = z.object({
  id: Id,
  aContactId: Id,
  bContactId: Id,
  aName: z.string(),
  bName: z.string(),
  reason: z.string(),
  stage: z.enum(INTRODUCTION_STAGES),
  stageAt: z.string(),
  outcome: z.enum(INTRODUCTION_OUTCOMES).nullable(),
  open: z.boolean(),
  nextActions: z.array(z.enum(INTRODUCTION_ACTIONS)),
  history: z.array(
    z.object({ action: z.enum(INTRODUCTION_ACTIONS), at: z.string(), note: z.string().nullable() }),
  ),
  createdAt: z.string(),
});
export type Introduction = z.infer<typeof Introduction>;
export const IntroductionList = z.object({ items: z.array(Introduction) });

/** One introduction with the message(s) to send next; `draft` is null while waiting or once ended well. */
export const IntroductionDetail = Introduction.extend({ draft: IntroductionDraft.nullable() });
export type IntroductionDetail = z.infer<typeof IntroductionDetail>;

// The web app reads the domain's words through the contract (@contract/*), never src/core directly.
export type { IntroductionAction } from '../core/introductions';
