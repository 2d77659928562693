import { readMboxMessages } from '../../capture/mbox-messages';
import {
  type CaptureRun,
  type Source,
  type SourceCreate,
  SourceSettings,
  type Suggestion,
} from '../../contract/capture';
import { type Contact, ContactCreate } from '../../contract/contacts';
import { Conflict, Invalid, NotFound } from '../../core/errors';
import { seal } from '../../secret-box';
import {
  deleteCapturedOfSource,
  deleteSource,
  dismissSuggestion,
  findSource,
  findSuggestion,
  insertSource,
  interactionsOfSource,
  listSources,
  listSuggestions,
  type SourceRow,
  updateSource,
} from '../../store/capture.repo';
import { deleteInteractions } from '../../store/interactions.repo';
import { claimLease } from '../../store/lease.repo';
import { calendarSettings } from '../calendar-settings';
import { createContact } from '../contacts.service';
import { type Deps, nowIso } from '../deps';
import { refreshSchedules } from '../schedule';
import { captureContext, captureMail, emptyRun, FILE_BATCH } from './capture-mail';
import { messageSettings } from './capture-message-settings';

/** A sync holds its source at most this long; a crashed instance's hold then lapses by itself. */
export const SYNC_LEASE_MS = 30 * 60_000;

export function toSourceDto(row: SourceRow, now: string): Source {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    settings: SourceSettings.parse(JSON.parse(row.settings)),
    seen: row.seen,
    captured: row.captured,
    skipped: row.skipped,
    failed: row.failed,
    syncing: row.locked_until !== null && row.locked_until > now,
    lastSyncAt: row.last_sync_at,
    lastError: row.last_error,
    storeBodies: row.store_bodies === 1,
    createdAt: row.created_at,
  };
}

export async function createSource(deps: Deps, accountId: string, input: SourceCreate): Promise<Source> {
  const now = nowIso(deps);
  const { kind, name, ownAddresses, excludedDomains } = input;
  let settings: SourceSettings = { ownAddresses, excludedDomains };
  let secret: string | null = null;
  if (input.kind === 'imap') {
    if (!deps.secretKey)
      throw new Invalid('this server has no key to seal passwords with (set TEND_SECRET)', 'password');
    const { host, port, tls, user, backfillMonths } = input;
    settings = { ...settings, host, port, tls, user, backfillMonths };
    secret = seal(deps.secretKey, JSON.stringify({ password: input.password }));
  }
  if (input.kind === 'linkedin_messages' || input.kind === 'whatsapp')
    settings = { ...settings, ...(await messageSettings(deps, accountId, input)) };
  if (input.kind === 'ics') {
    const calendar = calendarSettings(deps, input);
    settings = { ...settings, ...calendar.settings };
    secret = calendar.secret;
  }
  const row: SourceRow = {
    account_id: accountId,
    id: deps.newId(),
    kind,
    name,
    settings: JSON.stringify(settings),
    secret,
    cursor: '{}',
    locked_until: null,
    seen: 0,
    captured: 0,
    skipped: 0,
    failed: 0,
    last_sync_at: null,
    last_error: null,
    created_at: now,
    store_bodies: 'storeBodies' in input && input.storeBodies ? 1 : 0,
  };
  await insertSource(deps.store.read, row);
  return toSourceDto(row, now);
}

export async function sources(deps: Deps, accountId: string): Promise<Source[]> {
  const now = nowIso(deps);
  return (await listSources(deps.store.read, accountId)).map((r) => toSourceDto(r, now));
}

export async function requireSource(deps: Deps, accountId: string, id: string): Promise<SourceRow> {
  const row = await findSource(deps.store.read, accountId, id);
  if (!row) throw new NotFound('source not found');
  return row;
}

export async function getSource(deps: Deps, accountId: string, id: string): Promise<Source> {
  return toSourceDto(await requireSource(deps, accountId, id), nowIso(deps));
}

/**
 * Runs `fn` holding the source (one sync per source at a time, across instances), then records
 * when it ran and its error in words, or clears the last error.
 */
export async function withSourceHeld<T>(
  deps: Deps,
  source: SourceRow,
  fn: () => Promise<T>,
  describeError: (error: unknown) => string = (e) => (e instanceof Error ? e.message : String(e)),
): Promise<T> {
  const now = deps.clock();
  const until = new Date(now.getTime() + SYNC_LEASE_MS).toISOString();
  if (
    !(await claimLease(
      deps.store.read,
      'capture_sources',
      { accountId: source.account_id, id: source.id },
      now.toISOString(),
      until,
    ))
  )
    throw new Conflict(`"${source.name}" is already syncing; try again when it has finished`);
  try {
    const result = await fn();
    await updateSource(deps.store.read, source.account_id, source.id, {
      locked_until: null,
      last_sync_at: nowIso(deps),
      last_error: null,
    });
    return result;
  } catch (error) {
    await updateSource(deps.store.read, source.account_id, source.id, {
      locked_until: null,
      last_sync_at: nowIso(deps),
      last_error: describeError(error),
    });
    throw error;
  }
}

/** Reads an uploaded mbox into a mbox source; importing the same file again adds nothing. */
export async function uploadMbox(
  deps: Deps,
  accountId: string,
  sourceId: string,
  file: AsyncIterable<Uint8Array>,
): Promise<CaptureRun> {
  const source = await requireSource(deps, accountId, sourceId);
  if (source.kind !== 'mbox')
    throw new Invalid(`"${source.name}" is a ${source.kind} source, not an mbox file`, 'id');
  const settings = SourceSettings.parse(JSON.parse(source.settings));
  return withSourceHeld(deps, source, async () =>
    captureMail(
      deps,
      source,
      await captureContext(deps, source, settings),
      readMboxMessages(file),
      emptyRun(),
      { batchSize: FILE_BATCH, schedules: 'at-end' },
    ),
  );
}

/** Removes a source; with `withCaptured`, also the interactions it captured (schedules follow). */
export async function removeSource(
  deps: Deps,
  accountId: string,
  id: string,
  withCaptured: boolean,
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    if (withCaptured) {
      const items = await interactionsOfSource(tx, accountId, id);
      await deleteInteractions(
        tx,
        accountId,
        items.map((i) => i.interaction_id),
      );
      await deleteCapturedOfSource(tx, accountId, id);
      await refreshSchedules(
        deps,
        tx,
        accountId,
        items.map((i) => i.contact_id),
      );
    }
    if ((await deleteSource(tx, accountId, id)) === 0) throw new NotFound('source not found');
  });
}

export async function suggestions(deps: Deps, accountId: string, limit = 50): Promise<Suggestion[]> {
  return (await listSuggestions(deps.store.read, accountId, limit)).map((s) => ({
    address: s.address,
    name: s.name,
    messages: s.messages,
    lastAt: s.last_at,
  }));
}

/** Dismissed for good: counting goes on, but the person is never suggested again. */
export async function dismiss(deps: Deps, accountId: string, address: string): Promise<void> {
  if ((await dismissSuggestion(deps.store.read, accountId, address)) === 0)
    throw new NotFound('suggestion not found');
}

/** One click: the suggested person becomes a contact with their address, and leaves the list. */
export async function acceptSuggestion(deps: Deps, accountId: string, address: string): Promise<Contact> {
  const s = await findSuggestion(deps.store.read, accountId, address);
  if (!s || s.dismissed === 1) throw new NotFound('suggestion not found');
  const profile = address.startsWith('linkedin.com/');
  const [first, ...rest] = (s.name || address.slice(0, address.indexOf('@'))).split(/\s+/);
  const contact = await createContact(
    deps,
    accountId,
    ContactCreate.parse({
      firstName: first,
      lastName: rest.join(' '),
      // A LinkedIn sender is known by their profile (F30), which is how the next import matches them.
      ...(profile
        ? { links: [{ kind: 'linkedin', url: `https://www.${address}` }] }
        : { emails: [{ value: address }] }),
    }),
  );
  await dismissSuggestion(deps.store.read, accountId, address);
  return contact;
}
