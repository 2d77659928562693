import type {
  Introduction,
  IntroductionAdvance,
  IntroductionCreate,
  IntroductionDetail,
} from '../contract/introductions';
import { Conflict, Invalid, NotFound } from '../core/errors';
import {
  advance,
  INTRODUCTION_STAGES,
  type IntroductionState,
  type IntroPerson,
  introDraft,
  isOpen,
  nextStages,
  STALE_AFTER_DAYS,
  staleIntroduction,
} from '../core/introductions';
import type { ExtensionReason } from '../core/today-reasons';
import { findContact, loadChildren } from '../store/contacts.repo';
import type { NewRow } from '../store/database';
import {
  findIntroduction,
  findOpenBetween,
  type IntroductionWithPeople,
  insertIntroduction,
  listIntroductions as listRows,
  updateIntroduction,
  waitingIntroductions,
} from '../store/introductions.repo';
import { insertLedgerEntries } from '../store/ledger.repo';
import type { Conn } from '../store/store';
import { ownerName } from '../store/updates.repo';
import { type Deps, nowIso } from './deps';
import { accountToday } from './ledger.service';

const DAY = 86_400_000;
const fullName = (first: string, last: string) => `${first} ${last}`.trim();

function stateOf(r: IntroductionWithPeople): IntroductionState {
  return {
    stage: r.stage,
    stageAt: r.stage_at,
    outcome: r.outcome,
    history: r.history,
  };
}

export function toIntroductionDto(r: IntroductionWithPeople): Introduction {
  const s = stateOf(r);
  return {
    id: r.id,
    aContactId: r.a_contact_id,
    bContactId: r.b_contact_id,
    aName: fullName(r.a_first_name, r.a_last_name),
    bName: fullName(r.b_first_name, r.b_last_name),
    reason: r.reason,
    stage: s.stage,
    stageAt: s.stageAt,
    outcome: s.outcome,
    open: isOpen(s.stage),
    nextActions: [...nextStages(s.stage)],
    history: s.history,
    createdAt: r.created_at,
  };
}

async function detail(db: Conn, accountId: string, r: IntroductionWithPeople): Promise<IntroductionDetail> {
  const children = await loadChildren(db, accountId, [r.a_contact_id, r.b_contact_id]);
  const person = (id: string, firstName: string): IntroPerson => {
    const c = children.get(id);
    return {
      firstName,
      email: c?.emails[0]?.value ?? null,
      phoneE164: c?.phones.find((p) => p.e164)?.e164 ?? null,
      linkedinUrl: c?.links.find((l) => l.kind === 'linkedin')?.url ?? null,
    };
  };
  const people = { a: person(r.a_contact_id, r.a_first_name), b: person(r.b_contact_id, r.b_first_name) };
  // Signed with the user's name: a draft ending "Best," and nothing reads unfinished.
  const myName = await ownerName(db, accountId);
  return { ...toIntroductionDto(r), draft: introDraft(stateOf(r), people, r.reason, myName) };
}

async function requireIntroduction(db: Conn, accountId: string, id: string): Promise<IntroductionWithPeople> {
  const row = await findIntroduction(db, accountId, id);
  if (!row) throw new NotFound('introduction not found');
  return row;
}

/** F12: proposes an introduction between two different contacts of the account (one running per pair). */
export async function createIntroduction(
  deps: Deps,
  accountId: string,
  input: IntroductionCreate,
): Promise<IntroductionDetail> {
  if (input.aContactId === input.bContactId)
    throw new Invalid('must be a different contact from aContactId', 'bContactId');
  return deps.store.transaction(async (trx) => {
    for (const field of ['aContactId', 'bContactId'] as const)
      if (!(await findContact(trx, accountId, input[field]))) throw new NotFound('no such contact', field);
    if (await findOpenBetween(trx, accountId, input.aContactId, input.bContactId))
      throw new Conflict('an introduction between these two is already running', 'bContactId');
    const now = nowIso(deps);
    const id = deps.newId();
    await insertIntroduction(trx, {
      account_id: accountId,
      id,
      a_contact_id: input.aContactId,
      b_contact_id: input.bContactId,
      reason: input.reason,
      stage: 'proposed',
      stage_at: now,
      outcome: null,
      history: '[]',
      created_at: now,
    });
    return detail(trx, accountId, await requireIntroduction(trx, accountId, id));
  });
}

export async function listIntroductions(
  deps: Deps,
  accountId: string,
  open?: boolean,
): Promise<Introduction[]> {
  return (await listRows(deps.store.read, accountId, open)).map(toIntroductionDto);
}

export async function getIntroduction(
  deps: Deps,
  accountId: string,
  id: string,
): Promise<IntroductionDetail> {
  return detail(deps.store.read, accountId, await requireIntroduction(deps.store.read, accountId, id));
}

/** Takes one step; sending the intro logs `introduction_made` in both people's ledgers in the same transaction. */
export async function advanceIntroduction(
  deps: Deps,
  accountId: string,
  id: string,
  input: IntroductionAdvance,
): Promise<IntroductionDetail> {
  return deps.store.transaction(async (trx) => {
    const row = await requireIntroduction(trx, accountId, id);
    const now = nowIso(deps);
    const next = advance(stateOf(row), input.action, now, input.note || null);
    const changed = await updateIntroduction(trx, accountId, id, row.stage, {
      stage: next.stage,
      stage_at: next.stageAt,
      outcome: next.outcome,
      history: JSON.stringify(next.history),
    });
    if (changed === 0)
      throw new Conflict('the introduction changed meanwhile; reload and try again', 'action');
    if (input.action === 'intro_sent') {
      const occurredOn = await accountToday(deps, trx, accountId);
      const entry = (contactId: string, other: string): NewRow<'ledger_entries'> => ({
        account_id: accountId,
        id: deps.newId(),
        contact_id: contactId,
        kind: 'introduction_made',
        occurred_on: occurredOn,
        note: `Introduced to ${other}`,
        introduction_id: id,
        created_at: now,
      });
      await insertLedgerEntries(trx, [
        entry(row.a_contact_id, fullName(row.b_first_name, row.b_last_name)),
        entry(row.b_contact_id, fullName(row.a_first_name, row.a_last_name)),
      ]);
    }
    return detail(trx, accountId, await requireIntroduction(trx, accountId, id));
  });
}

const WAITING = INTRODUCTION_STAGES.filter((s) => STALE_AFTER_DAYS[s] !== undefined);
const SHORTEST_WAIT = Math.min(...Object.values(STALE_AFTER_DAYS));

/** Today extension: introduction steps left waiting too long become items for whom to contact next. */
export async function introductionsToday(
  deps: Deps,
  accountId: string,
  now: string,
): Promise<ExtensionReason[]> {
  const before = new Date(Date.parse(now) - SHORTEST_WAIT * DAY).toISOString();
  const rows = await waitingIntroductions(deps.store.read, accountId, WAITING, before);
  return rows.flatMap((r) => {
    const stale = staleIntroduction(stateOf(r), { a: r.a_first_name, b: r.b_first_name }, now);
    if (!stale) return [];
    const contactId = stale.side === 'a' ? r.a_contact_id : r.b_contact_id;
    return [{ kind: 'introduction' as const, contactId, detail: stale.detail }];
  });
}
