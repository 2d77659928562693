import { z } from 'zod';
import { icsEvents, type Meeting, type Window } from '../../capture/ics-events';
import { fetchIcs, IcsFetchError } from '../../capture/ics-fetch';
import { type CaptureRun, SourceSettings } from '../../contract/capture';
import { Conflict, Invalid, Upstream } from '../../core/errors';
import { ICS_SIZE_LIMIT } from '../../core/meeting-capture';
import { open } from '../../secret-box';
import { findAccount } from '../../store/accounts.repo';
import { findSource, type SourceRow, sourcesOfKind } from '../../store/capture.repo';
import { type Deps, outboundOf } from '../deps';
import { requireSource, withSourceHeld } from './capture.service';
import { captureContext, emptyRun } from './capture-mail';
import { writeMeetings } from './capture-meetings';

/** A subscribed calendar is read again this long after its last sync (the job runs every minute). */
export const CALENDAR_SYNC_EVERY_MS = 15 * 60_000;
const MAX_ERRORS_KEPT = 20;
/** Meetings one read keeps (a 20 MB calendar of daily series could expand to millions). */
export const MAX_MEETINGS_PER_READ = 50_000;

/** Reads an uploaded .ics file into a calendar source; reading the same file again adds nothing. */
export async function uploadCalendar(
  deps: Deps,
  accountId: string,
  sourceId: string,
  file: AsyncIterable<Uint8Array>,
): Promise<CaptureRun> {
  const source = await requireSource(deps, accountId, sourceId);
  if (source.kind !== 'ics')
    throw new Invalid(`"${source.name}" is a ${source.kind} source, not a calendar`, 'id');
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of file) {
    size += chunk.byteLength;
    if (size > ICS_SIZE_LIMIT)
      throw new Invalid(`the calendar is larger than ${ICS_SIZE_LIMIT / 1024 ** 2} MB`, 'body');
    parts.push(chunk);
  }
  const text = Buffer.concat(parts).toString('utf8');
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096)))
    throw new Invalid('the file is not an iCalendar (.ics) file: it has no BEGIN:VCALENDAR', 'body');
  return withSourceHeld(deps, source, async () =>
    captureCalendar(deps, source, text, await captureWindow(deps, source)),
  );
}

/** Reads a subscribed calendar now; 502 with the server's reason in words when it cannot be read. */
export async function syncCalendarSource(
  deps: Deps,
  accountId: string,
  sourceId: string,
): Promise<CaptureRun> {
  const source = await requireSource(deps, accountId, sourceId);
  if (source.kind !== 'ics')
    throw new Invalid(`"${source.name}" is a ${source.kind} source, not a calendar`, 'id');
  if (!source.secret)
    throw new Invalid(`"${source.name}" is a calendar file: upload it again to read it again`, 'id');
  try {
    return await withSourceHeld(deps, source, async () => {
      const address = sealedAddress(deps, source.secret ?? '');
      // One window for both the server's REPORT range and what the read keeps.
      const window = await captureWindow(deps, source);
      return captureCalendar(deps, source, await fetchIcs(address, outboundOf(deps), window), window);
    });
  } catch (error) {
    if (error instanceof IcsFetchError) throw new Upstream(error.message);
    throw error;
  }
}

function sealedAddress(deps: Deps, secret: string): { url: string; user?: string; password?: string } {
  if (!deps.secretKey)
    throw new Error('the calendar address cannot be read on this server (set TEND_SECRET)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(open(deps.secretKey, secret));
  } catch {
    throw new Error(
      'the calendar address cannot be read on this server: TEND_SECRET or the key file changed; add it again',
    );
  }
  const a = SealedAddress.safeParse(parsed);
  if (!a.success) throw new Error('the stored calendar address is damaged; add the calendar again');
  return a.data;
}

// What calendarSettings seals, read back.
const SealedAddress = z.object({
  url: z.string(),
  user: z.string().optional(),
  password: z.string().optional(),
});

function monthsBefore(now: Date, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

/** What a read keeps: the backfill months before now to the next 36 hours, in the user's zone. */
async function captureWindow(deps: Deps, source: SourceRow): Promise<Window> {
  const settings = SourceSettings.parse(JSON.parse(source.settings));
  const account = await findAccount(deps.store.read, source.account_id);
  const now = deps.clock();
  return {
    from: monthsBefore(now, settings.backfillMonths ?? 24),
    to: now.getTime() + 36 * 3_600_000,
    zone: account?.time_zone ?? 'utc',
  };
}

async function captureCalendar(
  deps: Deps,
  source: SourceRow,
  text: string,
  window: Window,
): Promise<CaptureRun> {
  const settings = SourceSettings.parse(JSON.parse(source.settings));
  const ctx = await captureContext(deps, source, settings);
  const run = emptyRun();
  const meetings: Meeting[] = [];
  for (const item of icsEvents(text, window)) {
    if (meetings.length >= MAX_MEETINGS_PER_READ) {
      run.errors.push(`more than ${MAX_MEETINGS_PER_READ} meetings in the window: the rest were not read`);
      break;
    }
    run.seen++;
    if (item.ok) meetings.push(item.meeting);
    else {
      run.failed++;
      if (run.errors.length < MAX_ERRORS_KEPT) run.errors.push(item.error);
    }
  }
  await writeMeetings(deps, source, ctx, meetings, run);
  return run;
}

/** The job's work: every subscribed calendar not read for a while, one at a time; a held one is skipped. */
export async function calendarTick(deps: Deps, onError: (error: unknown) => void): Promise<void> {
  const now = deps.clock().getTime();
  for (const s of await sourcesOfKind(deps.store.read, 'ics')) {
    if (s.last_sync_at && now - Date.parse(s.last_sync_at) < CALENDAR_SYNC_EVERY_MS) continue;
    if (s.locked_until && Date.parse(s.locked_until) > now) continue;
    // An uploaded file has nothing to re-read.
    if (!(await findSource(deps.store.read, s.account_id, s.id))?.secret) continue;
    try {
      await syncCalendarSource(deps, s.account_id, s.id);
    } catch (error) {
      if (error instanceof Conflict) continue;
      onError(error);
    }
  }
}
