import { type CardDavAccount, CardDavError, cardDavClient } from '../../capture/carddav-client';
import type {
  CarddavDiscover,
  CarddavRun,
  ConflictResolve,
  Subscription,
  SubscriptionCreate,
  SubscriptionPatch,
} from '../../contract/carddav';
import { Conflict, Invalid, NotFound, Upstream } from '../../core/errors';
import { open, seal } from '../../secret-box';
import {
  allSubscriptions,
  conflictsOf,
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  type SubscriptionRow,
  updateSubscription,
} from '../../store/carddav.repo';
import { claimLease } from '../../store/lease.repo';
import { SYNC_LEASE_MS } from '../capture/capture.service';
import { type Deps, nowIso, outboundOf } from '../deps';
import { resolveConflict } from './carddav-conflicts';
import { syncSubscription } from './carddav-sync';

/** A subscribed book is read again this long after its last sync (the job runs every minute). */
export const CARDDAV_SYNC_EVERY_MS = 15 * 60_000;

function toDto(row: SubscriptionRow, conflicts: number, now: string): Subscription {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    user: row.username,
    pushNew: row.push_new === 1,
    syncCollection: row.sync_collection === 1,
    pulled: row.pulled,
    pushed: row.pushed,
    conflicts,
    syncing: row.locked_until !== null && row.locked_until > now,
    lastSyncAt: row.last_sync_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

async function dto(deps: Deps, row: SubscriptionRow): Promise<Subscription> {
  const open = await conflictsOf(deps.store.read, row.account_id, row.id);
  return toDto(row, open.length, nowIso(deps));
}

/** Remote failures reach the caller in the server's words: a refused password is a 400 on it, the rest a 502. */
async function remote<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof CardDavError && error.status === 401) throw new Invalid(error.message, 'password');
    if (error instanceof CardDavError) throw new Upstream(error.message);
    throw error;
  }
}

/** The address books at a URL (the book itself, or those discovered from a server root). */
export async function discoverBooks(deps: Deps, input: CarddavDiscover) {
  return remote(() => cardDavClient(input, outboundOf(deps)).discover());
}

/**
 * Subscribes to a book: discovers it from `url` (exactly one book, or `url` is the book), checks
 * that it answers, and stores the app password sealed. Nothing is synced yet.
 */
export async function createSubscription(
  deps: Deps,
  accountId: string,
  input: SubscriptionCreate,
): Promise<Subscription> {
  if (!deps.secretKey)
    throw new Invalid('this server has no key to seal passwords with (set TEND_SECRET)', 'password');
  const books = await discoverBooks(deps, input);
  if (books.length === 0) throw new Invalid('not an address book, and the account has none', 'url');
  if (books.length > 1)
    throw new Invalid(
      `this account has ${books.length} address books; give the address of one: ${books.map((b) => `${b.name} (${b.url})`).join(', ')}`,
      'url',
    );
  const book = books[0]!;
  const { syncCollection } = await remote(() =>
    cardDavClient(input, outboundOf(deps)).describeBook(book.url),
  );
  const now = nowIso(deps);
  const row: SubscriptionRow = {
    account_id: accountId,
    id: deps.newId(),
    name: input.name ?? book.name,
    url: book.url,
    username: input.user,
    secret: seal(deps.secretKey, JSON.stringify({ password: input.password })),
    sync_collection: syncCollection ? 1 : 0,
    sync_token: null,
    push_new: input.pushNew ? 1 : 0,
    locked_until: null,
    pulled: 0,
    pushed: 0,
    last_sync_at: null,
    last_error: null,
    created_at: now,
  };
  await insertSubscription(deps.store.read, row);
  return toDto(row, 0, now);
}

export async function subscriptions(deps: Deps, accountId: string): Promise<Subscription[]> {
  const rows = await listSubscriptions(deps.store.read, accountId);
  return Promise.all(rows.map((r) => dto(deps, r)));
}

export async function requireSubscription(deps: Deps, accountId: string, id: string) {
  const row = await findSubscription(deps.store.read, accountId, id);
  if (!row) throw new NotFound('subscription not found');
  return row;
}

export async function getSubscription(deps: Deps, accountId: string, id: string): Promise<Subscription> {
  return dto(deps, await requireSubscription(deps, accountId, id));
}

export async function patchSubscription(
  deps: Deps,
  accountId: string,
  id: string,
  patch: SubscriptionPatch,
): Promise<Subscription> {
  await requireSubscription(deps, accountId, id);
  await updateSubscription(deps.store.read, accountId, id, {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.pushNew !== undefined && { push_new: patch.pushNew ? 1 : 0 }),
  });
  return getSubscription(deps, accountId, id);
}

/** Unsubscribes; the contacts stay in Tend, the remote book is not touched. */
export async function removeSubscription(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteSubscription(deps.store.read, accountId, id)) === 0)
    throw new NotFound('subscription not found');
}

function accountOf(deps: Deps, row: SubscriptionRow): CardDavAccount {
  if (!deps.secretKey) throw new Error('the password cannot be read on this server (is TEND_SECRET set?)');
  let password: string;
  try {
    const sealed: unknown = JSON.parse(open(deps.secretKey, row.secret));
    password =
      typeof sealed === 'object' && sealed !== null && 'password' in sealed ? String(sealed.password) : '';
  } catch {
    throw new Error(
      'the password cannot be read on this server: TEND_SECRET or the key file changed; subscribe again',
    );
  }
  return { url: row.url, user: row.username, password };
}

/**
 * One sync, holding the subscription (one run per subscription at a time, across instances); the
 * run's counts or its error in words are recorded on the subscription.
 */
export async function runSubscription(deps: Deps, accountId: string, id: string): Promise<CarddavRun> {
  const row = await requireSubscription(deps, accountId, id);
  const now = deps.clock();
  const until = new Date(now.getTime() + SYNC_LEASE_MS).toISOString();
  if (
    !(await claimLease(deps.store.read, 'carddav_subscriptions', { accountId, id }, now.toISOString(), until))
  )
    throw new Conflict(`"${row.name}" is already syncing; try again when it has finished`);
  try {
    const run = await syncSubscription(deps, row, cardDavClient(accountOf(deps, row), outboundOf(deps)));
    await updateSubscription(deps.store.read, accountId, id, {
      locked_until: null,
      last_sync_at: nowIso(deps),
      last_error: null,
      pulled: run.pulled,
      pushed: run.pushed,
    });
    return run;
  } catch (error) {
    await updateSubscription(deps.store.read, accountId, id, {
      locked_until: null,
      last_sync_at: nowIso(deps),
      last_error: error instanceof Error ? error.message : String(error),
    });
    if (error instanceof CardDavError) throw new Upstream(error.message);
    throw error;
  }
}

/**
 * Resolves a conflict, then syncs its subscription at once so the choice reaches the book now
 * rather than at the next scheduled sync. The resolution stands either way: when the book cannot
 * be reached, or a sync is already running, the error is on the subscription and the next sync
 * writes the card back.
 */
export async function resolveAndPush(
  deps: Deps,
  accountId: string,
  id: string,
  choice: ConflictResolve,
): Promise<void> {
  const subscriptionId = await resolveConflict(deps, accountId, id, choice);
  try {
    await runSubscription(deps, accountId, subscriptionId);
  } catch (error) {
    if (!(error instanceof Conflict || error instanceof Upstream)) throw error;
  }
}

/** The job's work: every subscription not synced for a while, one at a time; a held one is skipped. */
export async function carddavTick(deps: Deps, onError: (error: unknown) => void): Promise<void> {
  const now = deps.clock().getTime();
  for (const s of await allSubscriptions(deps.store.read)) {
    if (s.last_sync_at && now - Date.parse(s.last_sync_at) < CARDDAV_SYNC_EVERY_MS) continue;
    if (s.locked_until && Date.parse(s.locked_until) > now) continue;
    try {
      await runSubscription(deps, s.account_id, s.id);
    } catch (error) {
      // Another instance took it first: that is the point of the hold, not a failure.
      if (error instanceof Conflict) continue;
      onError(error);
    }
  }
}
