import type { Insertable, Selectable, Updateable } from 'kysely';
import {
  INTRODUCTION_OUTCOMES,
  INTRODUCTION_STAGES,
  type IntroductionStage,
  type IntroductionStep,
} from '../core/introductions';
import { asConn, kysely } from './conn';
import type { IntroductionsTable } from './database';
import { decodeIntroductionHistory } from './json-columns';
import { oneOf, oneOfOrNull, text } from './json-rows';
import { queryTemplate } from './query-template';
import type { Conn } from './store';

export type IntroductionRow = Selectable<IntroductionsTable>;
/** An introduction with both people's names and addresses for drafts. */
export type IntroductionWithPeople = Omit<IntroductionRow, 'history'> & {
  /** Decoded from the JSON text column. */
  history: IntroductionStep[];
  a_first_name: string;
  a_last_name: string;
  b_first_name: string;
  b_last_name: string;
};

const ENDED: IntroductionStage[] = ['outcome', 'declined'];

function withPeople(conn: Conn, accountId: string) {
  const db = kysely(conn);
  return db
    .selectFrom('introductions as i')
    .innerJoin('contacts as a', (j) =>
      j.onRef('a.account_id', '=', 'i.account_id').onRef('a.id', '=', 'i.a_contact_id'),
    )
    .innerJoin('contacts as b', (j) =>
      j.onRef('b.account_id', '=', 'i.account_id').onRef('b.id', '=', 'i.b_contact_id'),
    )
    .selectAll('i')
    .select([
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'b.first_name as b_first_name',
      'b.last_name as b_last_name',
    ])
    .where('i.account_id', '=', accountId);
}

const decoded = <R extends IntroductionRow>(r: R) => ({
  ...r,
  history: decodeIntroductionHistory(r.history, 'introductions.history'),
});

export async function insertIntroduction(conn: Conn, row: Insertable<IntroductionsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('introductions').values(row).execute();
}

export async function findIntroduction(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<IntroductionWithPeople | undefined> {
  const row = await withPeople(conn, accountId).where('i.id', '=', id).executeTakeFirst();
  return row && decoded(row);
}

/** Newest first; `open` true = still running, false = ended, undefined = all. */
export async function listIntroductions(
  conn: Conn,
  accountId: string,
  open?: boolean,
): Promise<IntroductionWithPeople[]> {
  let q = withPeople(conn, accountId);
  if (open === true) q = q.where('i.stage', 'not in', ENDED);
  if (open === false) q = q.where('i.stage', 'in', ENDED);
  const rows = await q.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(1000).execute();
  return rows.map(decoded);
}

/** A running introduction between the same two people, in either order. */
export async function findOpenBetween(
  conn: Conn,
  accountId: string,
  x: string,
  y: string,
): Promise<IntroductionRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('introductions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('stage', 'not in', ENDED)
    .where((eb) =>
      eb.or([
        eb.and([eb('a_contact_id', '=', x), eb('b_contact_id', '=', y)]),
        eb.and([eb('a_contact_id', '=', y), eb('b_contact_id', '=', x)]),
      ]),
    )
    .executeTakeFirst();
}

/** Steps in `stages` that have waited since before `before` (Today's candidates; core decides). */
export async function waitingIntroductions(
  conn: Conn,
  accountId: string,
  stages: readonly IntroductionStage[],
  before: string,
): Promise<IntroductionWithPeople[]> {
  const db = kysely(conn);
  // Today asks on every call: from a template (store/query-template.ts), since building the
  // two-join query through Kysely cost more than SQLite took to answer it.
  const rows = await db.executeQuery<Record<string, unknown>>(
    waitingTemplate(db, { accountId, stages, before }),
  );
  return rows.rows.map((r) => ({
    account_id: text(r.account_id),
    id: text(r.id),
    a_contact_id: text(r.a_contact_id),
    b_contact_id: text(r.b_contact_id),
    reason: text(r.reason),
    stage: stage(r.stage),
    stage_at: text(r.stage_at),
    outcome: outcomeOrNull(r.outcome),
    history: decodeIntroductionHistory(text(r.history), 'introductions.history'),
    created_at: text(r.created_at),
    a_first_name: text(r.a_first_name),
    a_last_name: text(r.a_last_name),
    b_first_name: text(r.b_first_name),
    b_last_name: text(r.b_last_name),
  }));
}

const stage = oneOf(INTRODUCTION_STAGES);
const outcomeOrNull = oneOfOrNull(INTRODUCTION_OUTCOMES);

const waitingTemplate = queryTemplate<{
  accountId: string;
  stages: readonly IntroductionStage[];
  before: string;
}>({
  // The stages are words of a closed list (Today always asks for the same ones): part of the
  // shape, bound as the template's constants, not slots.
  key: (v) => v.stages.join(','),
  sentinel: (v, s) => ({ accountId: s.text(), stages: v.stages, before: s.text() }),
  slots: (v) => [v.accountId, v.before],
  build: (db, v) =>
    withPeople(asConn(db), v.accountId)
      .where('i.stage', 'in', [...v.stages])
      .where('i.stage_at', '<', v.before)
      .orderBy('i.stage_at')
      .limit(500),
});

/** Moves a step on only if nobody else did meanwhile (the stage is still `fromStage`). */
export async function updateIntroduction(
  conn: Conn,
  accountId: string,
  id: string,
  fromStage: IntroductionStage,
  values: Updateable<IntroductionsTable>,
): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('introductions')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('stage', '=', fromStage)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
