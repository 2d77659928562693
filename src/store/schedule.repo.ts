import type { Channel } from '../core/vocabulary';
import { chunks } from './chunks';
import { kysely } from './conn';
import type { ContactRow } from './contacts.repo';
import { rowsByIds } from './rows-by-ids';
import type { Conn } from './store';

/** What a contact's schedule is computed from: its cadence, circle and creation, not the whole row. */
const SCHEDULE_COLUMNS = [
  'id',
  'circle_id',
  'tracked',
  'cadence_kind',
  'cadence_every',
  'cadence_unit',
  'created_at',
] as const satisfies readonly (keyof ContactRow)[];

export type ScheduleContactRow = Pick<ContactRow, (typeof SCHEDULE_COLUMNS)[number]>;

/**
 * The schedule columns of many contacts, 500 ids a statement; missing ids are left out. Reading
 * these 7 columns instead of the whole row halved the reads of a 26,700-contact refresh.
 */
export async function scheduleContacts(
  conn: Conn,
  accountId: string,
  ids: readonly string[],
): Promise<ScheduleContactRow[]> {
  const db = kysely(conn);
  return rowsByIds(ids, (part) =>
    db
      .selectFrom('contacts')
      .select(SCHEDULE_COLUMNS)
      .where('account_id', '=', accountId)
      .where('id', 'in', part)
      .execute(),
  );
}

export interface InteractionSummary {
  lastAt: string | null;
  lastInboundAt: string | null;
  lastInboundChannel: Channel | null;
}

/** Latest interaction and latest reply of one contact: indexed lookups on (account_id, contact_id, occurred_at). */
export async function interactionSummary(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<InteractionSummary> {
  const db = kysely(conn);
  const latest = (inboundOnly: boolean) => {
    let q = db
      .selectFrom('interactions')
      .select(['occurred_at', 'channel'])
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contactId);
    if (inboundOnly) q = q.where('direction', '=', 'inbound');
    return q.orderBy('occurred_at', 'desc').limit(1).executeTakeFirst();
  };
  const [last, inbound] = await Promise.all([latest(false), latest(true)]);
  return {
    lastAt: last?.occurred_at ?? null,
    lastInboundAt: inbound?.occurred_at ?? null,
    lastInboundChannel: inbound?.channel ?? null,
  };
}

/**
 * interactionSummary of many contacts, one statement per 500 ids: a grouped pass over the
 * (contact, occurred_at, direction) index gives the latest interaction and the latest reply, and
 * only those replies are then read for their channel (the smallest id when several share the time).
 * Reading every inbound row against a correlated max cost 0.2 s of a 26,700-contact refresh.
 * Contacts with no interactions are absent from the map.
 */
export async function interactionSummaries(
  conn: Conn,
  accountId: string,
  contactIds: readonly string[],
): Promise<Map<string, InteractionSummary>> {
  const db = kysely(conn);
  const out = new Map<string, InteractionSummary>();
  for (const part of chunks(contactIds)) {
    const rows = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('interactions')
          .select((e) => [
            'contact_id',
            e.fn.max('occurred_at').as('last_at'),
            e.fn
              .max(e.case().when('direction', '=', 'inbound').then(e.ref('occurred_at')).end())
              .as('last_inbound_at'),
          ])
          .where('account_id', '=', accountId)
          .where('contact_id', 'in', part)
          .groupBy('contact_id')
          .as('g'),
      )
      .leftJoin('interactions as i', (join) =>
        join
          .on('i.account_id', '=', accountId)
          .onRef('i.contact_id', '=', 'g.contact_id')
          .onRef('i.occurred_at', '=', 'g.last_inbound_at')
          .on('i.direction', '=', 'inbound'),
      )
      .select(['g.contact_id', 'g.last_at', 'g.last_inbound_at', 'i.channel'])
      .orderBy('g.contact_id')
      .orderBy('i.id')
      .execute();
    for (const r of rows) {
      if (out.has(r.contact_id)) continue;
      out.set(r.contact_id, {
        lastAt: r.last_at,
        lastInboundAt: r.last_inbound_at ?? null,
        lastInboundChannel: r.channel ?? null,
      });
    }
  }
  return out;
}
