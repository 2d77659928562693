import { z } from 'zod';
import { ICS_SIZE_LIMIT } from '../core/meeting-capture';
import { CAPTURE_SOURCE_KINDS } from '../core/vocabulary';
import { LinkedInMessagesFields, MessageSettings, WhatsAppFields } from './capture-messages';
import { Id, requiredText } from './common';

export const ICS_BODY_LIMIT = ICS_SIZE_LIMIT;
export const ICS_CONTENT_TYPES = ['text/calendar'] as const;

/** The largest mbox accepted in one upload (a Takeout mbox of ten years is a few GB; split it). */
export const MBOX_BODY_LIMIT = 2 * 1024 ** 3;
export const MBOX_CONTENT_TYPES = [
  'application/mbox',
  'application/octet-stream',
  'text/plain',
  'text/csv',
  // A WhatsApp export .zip (Windows browsers say x-zip-compressed); the bytes decide, not the type.
  'application/zip',
  'application/x-zip-compressed',
] as const;

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain such as example.com');

const Common = {
  name: requiredText(100),
  ownAddresses: z
    .array(z.email())
    .max(50)
    .default([])
    .describe('your other addresses: mail from them is yours'),
  excludedDomains: z.array(Domain).max(200).default([]).describe('mail with these domains is never captured'),
};

export const SourceCreate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mbox'), ...Common }).strict(),
  z
    .object({
      kind: z.literal('imap'),
      ...Common,
      host: requiredText(255),
      port: z.number().int().min(1).max(65535).default(993),
      tls: z.boolean().default(true),
      user: requiredText(255),
      password: z.string().min(1).max(1000).describe('an app password; stored encrypted, never shown again'),
      backfillMonths: z.number().int().min(0).max(240).default(24),
    })
    .strict(),
  z.object({ kind: z.literal('linkedin_messages'), ...Common, ...LinkedInMessagesFields }).strict(),
  z.object({ kind: z.literal('whatsapp'), ...Common, ...WhatsAppFields }).strict(),
  z
    .object({
      kind: z.literal('ics'),
      ...Common,
      url: z
        .url({ protocol: /^(https?|webcals?)$/, message: 'must be an http(s) or webcal address' })
        .max(2000)
        .optional()
        .describe(
          'a subscribed calendar (Google secret address, Outlook, a CalDAV collection); none = upload a file',
        ),
      user: z
        .string()
        .trim()
        .min(1)
        .max(255)
        .optional()
        .describe('for a CalDAV collection that asks for one'),
      password: z
        .string()
        .min(1)
        .max(1000)
        .optional()
        .describe('an app password; stored encrypted, never shown again'),
      backfillMonths: z.number().int().min(0).max(240).default(24),
    })
    .strict(),
]);
export type SourceCreate = z.infer<typeof SourceCreate>;

export const SourceSettings = z.object({
  ownAddresses: z.array(z.string()),
  excludedDomains: z.array(z.string()),
  host: z.string().optional(),
  port: z.number().optional(),
  tls: z.boolean().optional(),
  user: z.string().optional(),
  backfillMonths: z.number().optional(),
  ...MessageSettings,
  /** A calendar's address with its path hidden (a secret address is a password). */
  url: z.string().optional(),
});
export type SourceSettings = z.infer<typeof SourceSettings>;

export const Source = z.object({
  id: Id,
  kind: z.enum(CAPTURE_SOURCE_KINDS),
  name: z.string(),
  settings: SourceSettings.describe('never the password'),
  seen: z.number().int(),
  captured: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  syncing: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable().describe('the last failure in words'),
  storeBodies: z.boolean().describe('LinkedIn, WhatsApp: keep message texts (bounded) in the summaries'),
  createdAt: z.string(),
});
export type Source = z.infer<typeof Source>;
export const SourceList = z.object({ items: z.array(Source) });

export const SKIP_REASONS = [
  'bulk',
  'crowd',
  'own',
  'excluded_domain',
  'dont_capture',
  'unknown',
  'duplicate',
  'declined',
  'cancelled',
  'upcoming',
] as const;

export const CaptureRun = z.object({
  seen: z.number().int(),
  captured: z.number().int().describe('new interactions'),
  skipped: z.partialRecord(z.enum(SKIP_REASONS), z.number().int()).describe('messages skipped, by reason'),
  failed: z.number().int().describe('messages that could not be read'),
  errors: z.array(z.string()).describe('the first unreadable messages, in words'),
});
export type CaptureRun = z.infer<typeof CaptureRun>;

export const SourceRemoveQuery = z.object({
  withCaptured: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('also remove the interactions this source captured'),
});

export const Suggestion = z.object({
  address: z.string(),
  name: z.string(),
  messages: z.number().int(),
  lastAt: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const SuggestionList = z.object({ items: z.array(Suggestion) });
export const AddressParams = z.object({ address: z.string().min(3).max(254) });
