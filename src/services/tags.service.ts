import type { Tag } from '../contract/tags';
import { listTagsWithCounts } from '../store/tags.repo';
import type { Deps } from './deps';

/** The account's tags by name, with how many contacts carry each. */
export async function listTagItems(deps: Deps, accountId: string): Promise<Tag[]> {
  const rows = await listTagsWithCounts(deps.store.read, accountId);
  return rows.map((r) => ({ id: r.id, name: r.name, contactCount: r.contact_count }));
}
