import { z } from 'zod';
import { CHANNELS, LEDGER_KINDS } from '../core/vocabulary';
import { Id, IsoDate, text } from './common';
import { Interaction } from './interactions';

export const LedgerEntryCreate = z
  .object({
    kind: z.enum(LEDGER_KINDS),
    occurredOn: IsoDate.optional().describe("defaults to today in the account's time zone"),
    note: text(2000).optional(),
    logInteraction: z
      .object({ channel: z.enum(CHANNELS) })
      .strict()
      .optional()
      .describe('also log an outbound interaction on this channel'),
  })
  .strict();
export type LedgerEntryCreate = z.infer<typeof LedgerEntryCreate>;

export const LedgerEntry = z.object({
  id: Id,
  contactId: Id,
  kind: z.enum(LEDGER_KINDS),
  direction: z.enum(['give', 'ask', 'received']),
  occurredOn: z.string(),
  note: z.string().nullable(),
  introductionId: Id.nullable(),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

const Tally = {
  balance: z.number().int(),
  gives: z.number().int(),
  asks: z.number().int(),
  received: z.number().int(),
};

export const ContactLedger = z.object({
  items: z.array(LedgerEntry),
  ...Tally,
  askWarning: z
    .string()
    .nullable()
    .describe('what logging an ask now would warn; null when you have given more'),
});
export type ContactLedger = z.infer<typeof ContactLedger>;

export const LedgerEntryCreated = z.object({
  entry: LedgerEntry,
  balance: z.number().int().describe('after this entry'),
  warning: z.string().nullable().describe('set when an ask is logged while the balance before it was ≤ 0'),
  interaction: Interaction.nullable(),
});
export type LedgerEntryCreated = z.infer<typeof LedgerEntryCreated>;

const ContactBalance = z.object({ contactId: Id, name: z.string(), ...Tally });
export const NetworkLedger = z.object({
  ...Tally,
  totals: z.record(z.enum(LEDGER_KINDS), z.number().int()),
  topGivenTo: z.array(ContactBalance),
  mostAsked: z.array(ContactBalance),
});
export type NetworkLedger = z.infer<typeof NetworkLedger>;
