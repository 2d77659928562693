import type { Mailbox } from '../../capture/addresses';
import type { MailMessage } from '../../capture/mail-message';
import type { CaptureRun, SKIP_REASONS } from '../../contract/capture';
import { type CaptureContext, decideCapture, normaliseAddress } from '../../core/capture-rules';
import type { Direction } from '../../core/vocabulary';
import type { NewRow } from '../../store/database';
import { tallyStrangers } from './stranger-tally';

/** A message the rules took, cut to what its interactions and captured keys are written from. */
export interface TakenMail {
  key: string;
  inReplyTo: string | null;
  date: string;
  subject: string;
  direction: Direction;
  contactIds: string[];
}

/**
 * One transaction's messages, each decided as it arrives: a batch keeps what it will write, not
 * the parsed messages with their recipient lists, which a 2,500-message batch held long enough for
 * the garbage collector to promote them.
 */
export interface MailBatch {
  taken: TakenMail[];
  /** Messages parsed, taken or skipped. */
  messages: number;
  failed: number;
  skipped: CaptureRun['skipped'];
  /** The batch's counterparts who are no contact yet, tallied in the order the messages came. */
  strangers: Map<string, NewRow<'capture_suggestions'>>;
}

export function emptyBatch(): MailBatch {
  return { taken: [], messages: 0, failed: 0, skipped: {}, strangers: new Map() };
}

export function countSkip(skipped: CaptureRun['skipped'], reason: (typeof SKIP_REASONS)[number]): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** Decides one message by the capture rules and adds it to the batch, taken or skipped with its reason. */
export function addToBatch(
  batch: MailBatch,
  accountId: string,
  ctx: CaptureContext,
  m: MailMessage,
  sent: boolean,
): void {
  batch.messages++;
  const d = decideCapture(
    {
      from: m.from?.address ?? null,
      to: m.to.map((a) => a.address),
      cc: m.cc.map((a) => a.address),
      bulk: m.bulk !== null,
      sent: sent || m.labels.includes('Sent'),
    },
    ctx,
  );
  if (d.kind === 'skip') {
    countSkip(batch.skipped, d.reason);
    if (d.reason === 'unknown') noteStrangers(batch.strangers, accountId, d.strangers, m);
    return;
  }
  const { key, inReplyTo, date, subject } = m;
  batch.taken.push({ key, inReplyTo, date, subject, direction: d.direction, contactIds: d.contactIds });
}

function noteStrangers(
  into: Map<string, NewRow<'capture_suggestions'>>,
  accountId: string,
  strangers: readonly string[],
  m: MailMessage,
): void {
  const names = new Map(
    [m.from, ...m.to, ...m.cc]
      .filter((a): a is Mailbox => a !== null)
      .map((a) => [normaliseAddress(a.address), a.name]),
  );
  tallyStrangers(into, accountId, strangers, names, m.date);
}
