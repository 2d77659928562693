import { ContactFilter, type ContactPage } from '../contract/contacts';
import type { Segment, SegmentCreate } from '../contract/segments';
import { NotFound } from '../core/errors';
import {
  deleteSegment,
  findSegment,
  insertSegment,
  listSegments,
  type SegmentRow,
} from '../store/segments.repo';
import { listContactPage } from './contacts.service';
import { type Deps, nowIso } from './deps';

function toSegmentDto(r: SegmentRow): Segment {
  return { id: r.id, name: r.name, filter: ContactFilter.parse(r.filter), createdAt: r.created_at };
}

export async function listSegmentItems(deps: Deps, accountId: string): Promise<Segment[]> {
  return (await listSegments(deps.store.read, accountId)).map(toSegmentDto);
}

export async function createSegment(deps: Deps, accountId: string, input: SegmentCreate): Promise<Segment> {
  const row = {
    account_id: accountId,
    id: deps.newId(),
    name: input.name,
    filter: JSON.stringify(input.filter),
    created_at: nowIso(deps),
  };
  await insertSegment(deps.store.read, row);
  return { id: row.id, name: row.name, filter: input.filter, createdAt: row.created_at };
}

export async function removeSegment(deps: Deps, accountId: string, id: string): Promise<void> {
  if ((await deleteSegment(deps.store.read, accountId, id)) === 0) throw new NotFound('segment not found');
}

/** A segment's saved filter (for exports), or none without an id; NotFound for an unknown one. */
export async function segmentFilter(
  deps: Deps,
  accountId: string,
  id: string | undefined,
): Promise<ContactFilter> {
  if (!id) return {};
  const row = await findSegment(deps.store.read, accountId, id);
  if (!row) throw new NotFound('segment not found');
  return toSegmentDto(row).filter;
}

/** The segment's contacts now: the saved filter is applied afresh on every call. */
export async function segmentContacts(
  deps: Deps,
  accountId: string,
  id: string,
  paging: { cursor?: string | undefined; limit: number },
): Promise<ContactPage> {
  const row = await findSegment(deps.store.read, accountId, id);
  if (!row) throw new NotFound('segment not found');
  return listContactPage(deps, accountId, { ...toSegmentDto(row).filter, ...paging });
}
