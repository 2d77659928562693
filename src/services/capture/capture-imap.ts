import { z } from 'zod';
import { type ImapCursor, ImapError, readImap } from '../../capture/imap-reader';
import { assertReachable, OutboundRefused } from '../../capture/outbound';
import { type CaptureRun, SourceSettings } from '../../contract/capture';
import { Conflict, Invalid, Upstream } from '../../core/errors';
import { open } from '../../secret-box';
import { type SourceRow, sourcesOfKind, updateSource } from '../../store/capture.repo';
import { type Deps, outboundOf } from '../deps';
import { requireSource, withSourceHeld } from './capture.service';
import { captureContext, captureMail } from './capture-mail';

/** A mailbox is read again this long after its last sync (the job runs every minute). */
export const IMAP_SYNC_EVERY_MS = 15 * 60_000;

function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * One sync of an IMAP source: backfill on the first run, then only new UIDs. The resume point is
 * saved after each committed batch, so a dropped connection loses nothing and repeats nothing.
 */
export async function syncImapSource(deps: Deps, accountId: string, sourceId: string): Promise<CaptureRun> {
  const source = await requireSource(deps, accountId, sourceId);
  if (source.kind !== 'imap')
    throw new Invalid(`"${source.name}" is a ${source.kind} source, not a mailbox`, 'id');
  try {
    return await withSourceHeld(deps, source, () => runSync(deps, source));
  } catch (error) {
    // Already recorded on the source; the caller gets the same words.
    if (error instanceof ImapError) throw new Upstream(error.message);
    throw error;
  }
}

/** What the source's sealed secret holds. */
const SealedPassword = z.object({ password: z.string() });
/** Where each mailbox was left (capture_sources.cursor), as imap-reader writes it. */
const StoredCursor = z.record(
  z.string(),
  z.object({ uidValidity: z.string(), lastUid: z.number(), modseq: z.string().optional() }),
);

async function runSync(deps: Deps, source: SourceRow): Promise<CaptureRun> {
  if (!deps.secretKey || !source.secret)
    throw new Error('the password cannot be read on this server (is TEND_SECRET the same?)');
  const settings = SourceSettings.parse(JSON.parse(source.settings));
  let password: string;
  try {
    password = SealedPassword.parse(JSON.parse(open(deps.secretKey, source.secret))).password;
  } catch {
    throw new Error(
      'the password cannot be read on this server: TEND_SECRET or the key file changed; enter it again',
    );
  }
  const stored = StoredCursor.safeParse(JSON.parse(source.cursor));
  if (!stored.success)
    throw new Error('the saved sync position cannot be read; remove the source and add it again');
  const cursor: ImapCursor = stored.data;
  const position: ImapCursor = { ...cursor };
  const ctx = await captureContext(deps, source, settings);
  const account = {
    host: settings.host ?? '',
    port: settings.port ?? 993,
    tls: settings.tls ?? true,
    user: settings.user ?? '',
    password,
  };
  try {
    await assertReachable(account.host, outboundOf(deps));
  } catch (error) {
    if (error instanceof OutboundRefused) throw new ImapError(error.message);
    throw error;
  }
  const since = monthsBefore(deps.clock(), settings.backfillMonths ?? 24);
  const save = () =>
    updateSource(deps.store.read, source.account_id, source.id, { cursor: JSON.stringify(position) });
  const run = await captureMail(deps, source, ctx, readImap(account, since, cursor, position), undefined, {
    afterBatch: save,
  });
  // Mailboxes read to the end with nothing new still move on (their HIGHESTMODSEQ).
  await save();
  return run;
}

/** The job's work: every IMAP source not synced for a while, one at a time; a held one is skipped. */
export async function captureTick(deps: Deps, onError: (error: unknown) => void): Promise<void> {
  const now = deps.clock().getTime();
  for (const s of await sourcesOfKind(deps.store.read, 'imap')) {
    if (s.last_sync_at && now - Date.parse(s.last_sync_at) < IMAP_SYNC_EVERY_MS) continue;
    if (s.locked_until && Date.parse(s.locked_until) > now) continue;
    try {
      await syncImapSource(deps, s.account_id, s.id);
    } catch (error) {
      // Another instance took it first: that is the point of the hold, not a failure.
      if (error instanceof Conflict) continue;
      // Recorded on the source in words already; the job only reports it.
      onError(error);
    }
  }
}
