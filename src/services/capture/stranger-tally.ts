import type { NewRow } from '../../store/database';

/**
 * Counts an exchange with people who are not contacts yet towards their suggestion (F30): one more
 * message or meeting, the latest date, the name they gave. Mail and calendars both feed it.
 */
export function tallyStrangers(
  into: Map<string, NewRow<'capture_suggestions'>>,
  accountId: string,
  strangers: readonly string[],
  names: ReadonlyMap<string, string>,
  at: string,
): void {
  for (const address of strangers) {
    const s = into.get(address);
    if (s) {
      s.messages++;
      if (at > s.last_at) s.last_at = at;
    } else
      into.set(address, {
        account_id: accountId,
        address,
        name: names.get(address) ?? '',
        messages: 1,
        last_at: at,
      });
  }
}
