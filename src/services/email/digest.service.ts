import { DateTime } from 'luxon';
import type { DigestSettings, DigestSettingsPatch } from '../../contract/digest';
import { digestEmail } from '../../core/digest-email';
import { NotFound } from '../../core/errors';
import { findAccount, updateAccount } from '../../store/accounts.repo';
import { digestCandidates, markDigestDone, ownerEmail } from '../../store/digest.repo';
import type { Deps } from '../deps';
import { getToday } from '../today.service';
import { enqueueMessage } from './outbox.service';

/** The digest leaves at this local hour. */
export const DIGEST_HOUR = 7;

/** The idempotency key of an account's digest for a local date: one digest per account and day. */
export function digestKey(accountId: string, localDate: string): string {
  return `digest:${accountId}:${localDate}`;
}

export async function getDigestSettings(deps: Deps, accountId: string): Promise<DigestSettings> {
  const db = deps.store.read;
  const account = await findAccount(db, accountId);
  if (!account) throw new NotFound('account not found');
  return {
    digestEnabled: account.digest_enabled === 1,
    digestEmail: account.digest_email ?? (await ownerEmail(db, accountId)) ?? '',
    digestEmailSet: account.digest_email !== null,
    timeZone: account.time_zone,
  };
}

export async function patchDigestSettings(
  deps: Deps,
  accountId: string,
  patch: DigestSettingsPatch,
): Promise<DigestSettings> {
  await updateAccount(deps.store.read, accountId, {
    ...(patch.digestEnabled !== undefined && { digest_enabled: patch.digestEnabled ? 1 : 0 }),
    ...(patch.digestEmail !== undefined && { digest_email: patch.digestEmail }),
  });
  return getDigestSettings(deps, accountId);
}

export interface DigestTickReport {
  enqueued: string[];
  empty: string[];
  errors: { accountId: string; error: string }[];
}

/**
 * F24, run every minute: for each account with the digest on whose local time has reached 07:00
 * and whose digest for that local date is not yet handled, enqueue today's queue (nothing when it
 * is empty). The day is marked in the same transaction as the enqueue, and the outbox key
 * `digest:<account>:<local date>` makes a second tick (or another instance) a no-op either way.
 */
export async function digestTick(deps: Deps, publicUrl: string): Promise<DigestTickReport> {
  const db = deps.store.read;
  const now = deps.clock();
  const report: DigestTickReport = { enqueued: [], empty: [], errors: [] };
  for (const account of await digestCandidates(db)) {
    const local = DateTime.fromJSDate(now, { zone: account.time_zone });
    if (!local.isValid || local.hour < DIGEST_HOUR) continue;
    const localDate = local.toISODate()!;
    if (account.digest_done_on !== null && account.digest_done_on >= localDate) continue;
    try {
      const to = account.digest_email ?? (await ownerEmail(db, account.id));
      const today = await getToday(deps, account.id, { now: now.toISOString() });
      const mail = digestEmail({
        localDate,
        dateLabel: local.setLocale('en-GB').toFormat('cccc d LLLL'),
        items: today.items.map((i) => ({
          contactId: i.contactId,
          name: i.name,
          headline: i.headline,
          reasons: i.reasons.map((r) => r.text),
        })),
        moreCount: today.moreCount,
        publicUrl,
      });
      await deps.store.transaction(async (trx) => {
        if (!(await markDigestDone(trx, account.id, localDate))) return;
        if (!to || today.items.length === 0) {
          report.empty.push(account.id);
          return;
        }
        const key = digestKey(account.id, localDate);
        const { added } = await enqueueMessage(deps, trx, account.id, {
          kind: 'digest',
          idempotencyKey: key,
          to,
          ...mail,
        });
        if (added) report.enqueued.push(account.id);
      });
    } catch (error) {
      report.errors.push({
        accountId: account.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}
