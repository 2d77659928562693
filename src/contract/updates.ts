import { z } from 'zod';
import { LINKEDIN_POST_MAX } from '../core/public-post';
import { UPDATE_VARIABLES } from '../core/update-template';
import { PUBLIC_POST_MODE, UPDATE_RECIPIENT_CHANNELS, UPDATE_SEND_MODES } from '../core/vocabulary';
import { Id, requiredText } from './common';
import { ContactFilter } from './contacts';

const vars = UPDATE_VARIABLES.map((v) => `{{${v}}}`).join(', ');

export const UpdateCreate = z
  .object({
    subject: requiredText(200).describe(`may use ${vars}`),
    body: requiredText(20_000).describe(`plain text; may use ${vars}`),
    segmentId: Id.optional().describe('a saved segment (its filter is applied when previewing and sending)'),
    filter: ContactFilter.strict().optional().describe('a contact filter, when there is no segment'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.segmentId === undefined) === (v.filter === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['segmentId'],
        message: 'give exactly one of segmentId or filter',
      });
  });
export type UpdateCreate = z.infer<typeof UpdateCreate>;

export { PUBLIC_POST_MODE, UPDATE_SEND_MODES };

export const PublicPostCreate = z
  .object({ body: requiredText(LINKEDIN_POST_MAX).describe("the post's text, as opened in LinkedIn") })
  .strict();
export type PublicPostCreate = z.infer<typeof PublicPostCreate>;

export const Update = z.object({
  id: Id,
  subject: z.string(),
  body: z.string(),
  segmentId: Id.nullable(),
  filter: ContactFilter.nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  sendMode: z.enum([...UPDATE_SEND_MODES, PUBLIC_POST_MODE]).nullable(),
});
export type Update = z.infer<typeof Update>;
export const UpdateList = z.object({ items: z.array(Update) });

export const UpdatePreviewRecipient = z.object({
  contactId: Id,
  name: z.string(),
  email: z.string().nullable().describe('null: no e-mail, so this person is skipped'),
  subject: z.string(),
  body: z.string(),
});
export const UpdatePreview = z.object({
  updateId: Id,
  sent: z.boolean().describe('after sending, the copies as sent'),
  withEmail: z.number().int(),
  withoutEmail: z.number().int(),
  recipients: z.array(UpdatePreviewRecipient),
});
export type UpdatePreview = z.infer<typeof UpdatePreview>;

export const UpdateSend = z.object({ mode: z.enum(UPDATE_SEND_MODES) }).strict();
export type UpdateSend = z.infer<typeof UpdateSend>;

export const UpdateSentRecipient = z.object({
  contactId: Id,
  name: z.string(),
  email: z.string(),
  channel: z.enum(UPDATE_RECIPIENT_CHANNELS),
  outboxId: Id.nullable().describe('smtp mode: the queued message (see /outbox)'),
  mailto: z.string().nullable().describe('drafts mode: opens the copy in your own mail app'),
  interactionId: Id,
});
export const UpdateSent = z.object({
  updateId: Id,
  mode: z.enum(UPDATE_SEND_MODES),
  recipients: z.array(UpdateSentRecipient),
  skipped: z.array(z.object({ contactId: Id, name: z.string(), reason: z.string() })),
});
export type UpdateSent = z.infer<typeof UpdateSent>;

export const UpdatesDue = z.object({
  due: z.boolean().describe('true when no update was sent in the last `everyMonths` months'),
  lastSentAt: z.string().nullable(),
  everyMonths: z.number().int(),
});
export type UpdatesDue = z.infer<typeof UpdatesDue>;

export const UpdateSettingsPatch = z.object({ everyMonths: z.number().int().min(3).max(6) }).strict();
export type UpdateSettingsPatch = z.infer<typeof UpdateSettingsPatch>;

// The web app reads the domain's words through the contract (@contract/*), never src/core directly.
export { congratulationPost, LINKEDIN_POST_MAX, linkedInShareUrl } from '../core/public-post';
