import { kysely } from './conn';
import type { Conn } from './store';

export interface InteractionSummary {
  lastAt: string | null;
  lastInboundAt: string | null;
  lastInboundChannel: string | null;
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
