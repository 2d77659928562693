import { DateTime } from 'luxon';
import type {
  ContactLedger,
  LedgerEntry,
  LedgerEntryCreate,
  LedgerEntryCreated,
  NetworkLedger,
} from '../contract/ledger';
import { Invalid, NotFound } from '../core/errors';
import { askWarning, type ContactBalance, networkBalance, tally, warnsOnLog } from '../core/ledger';
import { LEDGER_DIRECTION, type LedgerKind } from '../core/vocabulary';
import { findAccount } from '../store/accounts.repo';
import {
  contactLedgerCounts,
  contactNames,
  deleteLedgerEntry,
  insertLedgerEntries,
  type LedgerEntryRow,
  listLedgerEntries,
  networkLedgerCounts,
} from '../store/ledger.repo';
import type { Conn } from '../store/store';
import { type Deps, nowIso } from './deps';
import { logInteractionIn } from './interactions.service';
import { requireContact } from './require-contact';

const LABEL: Record<LedgerKind, string> = {
  introduction_made: 'Made an introduction',
  resource_shared: 'Shared a resource',
  job_opening_shared: 'Passed on a job opening',
  recommendation_written: 'Wrote a recommendation',
  public_congratulation: 'Congratulated publicly',
  help_given: 'Helped out',
  favour_asked: 'Asked a favour',
  favour_received: 'Received a favour',
};

export function toLedgerEntryDto(r: LedgerEntryRow): LedgerEntry {
  const kind = r.kind;
  return {
    id: r.id,
    contactId: r.contact_id,
    kind,
    direction: LEDGER_DIRECTION[kind],
    occurredOn: r.occurred_on,
    note: r.note,
    introductionId: r.introduction_id,
    createdAt: r.created_at,
  };
}

/** Today's date in the account's zone: a give logged at 23:30 in Sydney belongs to that day. */
export async function accountToday(deps: Deps, db: Conn, accountId: string): Promise<string> {
  const zone = (await findAccount(db, accountId))?.time_zone ?? 'utc';
  return DateTime.fromJSDate(deps.clock(), { zone }).toISODate() ?? nowIso(deps).slice(0, 10);
}

async function contactTally(db: Conn, accountId: string, contactId: string) {
  const counts = await contactLedgerCounts(db, accountId, contactId);
  return tally(counts.map((c) => ({ kind: c.kind, count: c.n })));
}

/** A contact's entries (newest first) with the balance and what an ask now would warn. */
export async function contactLedger(
  deps: Deps,
  accountId: string,
  contactId: string,
): Promise<ContactLedger> {
  const db = deps.store.read;
  const contact = await requireContact(db, accountId, contactId);
  const t = await contactTally(db, accountId, contactId);
  const items = (await listLedgerEntries(db, accountId, contactId)).map(toLedgerEntryDto);
  return { items, ...t, askWarning: askWarning(t.balance, contact.first_name) };
}

/**
 * Logs a give, an ask or a favour received. An ask made while the balance is zero or below comes
 * back with a warning (it is still logged: the user decides). With `logInteraction` an outbound
 * interaction is logged too, in the same transaction, so nothing half-written stays.
 */
export async function addLedgerEntry(
  deps: Deps,
  accountId: string,
  contactId: string,
  input: LedgerEntryCreate,
): Promise<LedgerEntryCreated> {
  return deps.store.transaction(async (trx) => {
    const contact = await requireContact(trx, accountId, contactId);
    const today = await accountToday(deps, trx, accountId);
    const occurredOn = input.occurredOn ?? today;
    if (occurredOn > today) throw new Invalid('must not be in the future', 'occurredOn');
    const before = await contactTally(trx, accountId, contactId);
    const row = {
      account_id: accountId,
      id: deps.newId(),
      contact_id: contactId,
      kind: input.kind,
      occurred_on: occurredOn,
      note: input.note || null,
      introduction_id: null,
      created_at: nowIso(deps),
    };
    await insertLedgerEntries(trx, [row]);
    const balance = tally([{ kind: input.kind }]).balance + before.balance;
    const warning = warnsOnLog(input.kind, before.balance)
      ? askWarning(before.balance, contact.first_name)
      : null;
    let interaction: LedgerEntryCreated['interaction'] = null;
    if (input.logInteraction) {
      const zone = (await findAccount(trx, accountId))?.time_zone ?? 'utc';
      interaction = await logInteractionIn(deps, trx, accountId, contactId, {
        channel: input.logInteraction.channel,
        direction: 'outbound',
        summary: row.note ? `${LABEL[input.kind]}: ${row.note}` : LABEL[input.kind],
        topics: [],
        awaitingReply: false,
        // A past day is logged at its noon in the user's zone; today is logged as now.
        ...(row.occurred_on !== today && {
          occurredAt: DateTime.fromISO(`${row.occurred_on}T12:00`, { zone }).toUTC().toISO() ?? undefined,
        }),
      });
    }
    return { entry: toLedgerEntryDto(row), balance, warning, interaction };
  });
}

export async function removeLedgerEntry(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteLedgerEntry(deps.store.read, accountId, id)) === 0)
    throw new NotFound('ledger entry not found');
}

/** The network's balance: totals by kind and the contacts given to most and asked of most. */
export async function getNetworkLedger(deps: Deps, accountId: string): Promise<NetworkLedger> {
  const db = deps.store.read;
  const counts = await networkLedgerCounts(db, accountId);
  const net = networkBalance(counts.map((c) => ({ contactId: c.contact_id, kind: c.kind, count: c.n })));
  const names = await contactNames(db, accountId, [
    ...new Set([...net.topGivenTo, ...net.mostAsked].map((c) => c.contactId)),
  ]);
  const named = (c: ContactBalance) => ({ ...c, name: names.get(c.contactId) ?? '' });
  return { ...net, topGivenTo: net.topGivenTo.map(named), mostAsked: net.mostAsked.map(named) };
}
