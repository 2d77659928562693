import type { ContactsBulk, ContactsBulkResult } from '../contract/contacts-bulk';
import { Invalid } from '../core/errors';
import { findCircle } from '../store/circles.repo';
import type { ContactRow } from '../store/contacts.repo';
import { existingContactIds, tagContacts, untagContacts, updateContacts } from '../store/contacts-bulk.repo';
import { cadenceColumns } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { refreshSchedule } from './schedule';

/**
 * One change (circle, cadence, tag, tracked) on many contacts, all or nothing: an unknown id or
 * circle refuses the whole request, and a failure half-way rolls every contact back.
 */
export async function bulkUpdateContacts(
  deps: Deps,
  accountId: string,
  { ids, set }: ContactsBulk,
): Promise<ContactsBulkResult> {
  return deps.store.transaction(async (tx) => {
    const found = await existingContactIds(tx, accountId, ids);
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new Invalid(`no such contact: ${ids[missing]}`, `ids.${missing}`);
    if (set.circleId && !(await findCircle(tx, accountId, set.circleId))) {
      throw new Invalid('no such circle', 'set.circleId');
    }
    const values: Partial<ContactRow> = {};
    if (set.circleId !== undefined) values.circle_id = set.circleId;
    if (set.cadence !== undefined) Object.assign(values, cadenceColumns(set.cadence));
    if (set.tracked !== undefined) values.tracked = set.tracked ? 1 : 0;
    if (Object.keys(values).length > 0) {
      await updateContacts(tx, accountId, ids, { ...values, updated_at: nowIso(deps) });
      // Circle, cadence and tracking each move the next due date.
      for (const id of ids) await refreshSchedule(deps, tx, accountId, id, { created: false });
    }
    if (set.addTag) await tagContacts(tx, accountId, ids, set.addTag, deps.newId);
    if (set.removeTag) await untagContacts(tx, accountId, ids, set.removeTag);
    return { updated: ids.length };
  });
}
