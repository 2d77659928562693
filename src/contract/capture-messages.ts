import { z } from 'zod';
import { Id, requiredText } from './common';

/** F30: the most of a LinkedIn message or a WhatsApp day kept in one summary, when bodies are kept. */
export const BODY_CHARS = 2000;

const StoreBodies = z
  .boolean()
  .default(false)
  .describe(
    `keep the message texts (the first ${BODY_CHARS} characters per interaction); off = none of them`,
  );
const OwnName = requiredText(200).optional().describe('your name as the file writes it, when it cannot tell');

export const LinkedInMessagesFields = {
  ownProfileUrl: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('your LinkedIn profile URL, when the file cannot tell which side is yours'),
  ownName: OwnName,
  storeBodies: StoreBodies,
};

export const WhatsAppFields = {
  contactId: Id.describe('the contact this one-to-one chat is with'),
  ownName: OwnName,
  storeBodies: StoreBodies,
};

/** What a LinkedIn or WhatsApp source keeps in its settings (never a message text). */
export const MessageSettings = {
  contactId: z.string().optional(),
  ownProfileUrl: z.string().optional(),
  ownName: z.string().optional(),
};

export const SourcePatch = z
  .object({
    name: requiredText(100).optional(),
    storeBodies: z.boolean().optional().describe('applies to what is read from now on'),
    ownName: requiredText(200).nullable().optional(),
  })
  .strict();
export type SourcePatch = z.infer<typeof SourcePatch>;

export const UploadQuery = z.object({
  dateOrder: z
    .enum(['dmy', 'mdy'])
    .optional()
    .describe(
      'WhatsApp: 12/03/2024 is day-first (dmy) or month-first (mdy); needed only when the file cannot tell',
    ),
});
export type UploadQuery = z.infer<typeof UploadQuery>;
