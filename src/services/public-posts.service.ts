import type { PublicPostCreate, Update } from '../contract/updates';
import { PUBLIC_POST_MODE } from '../contract/updates';
import type { NewRow } from '../store/database';
import { insertUpdate } from '../store/updates.repo';
import { type Deps, nowIso } from './deps';

/**
 * F16 "share a win in public": records a post the user opened in LinkedIn's share dialog as a
 * public update (no segment, no recipients), so Updates lists what went out in public too.
 * Tend cannot see whether it was posted; opening the dialog with the text is what it records.
 */
export async function recordPublicPost(
  deps: Deps,
  accountId: string,
  input: PublicPostCreate,
): Promise<Update> {
  const now = nowIso(deps);
  const row: NewRow<'updates'> = {
    account_id: accountId,
    id: deps.newId(),
    subject: 'LinkedIn post',
    body: input.body,
    segment_id: null,
    filter: null,
    created_at: now,
    sent_at: now,
    send_mode: PUBLIC_POST_MODE,
  };
  await insertUpdate(deps.store.read, row);
  return {
    id: row.id,
    subject: row.subject,
    body: row.body,
    segmentId: null,
    filter: null,
    createdAt: now,
    sentAt: now,
    sendMode: PUBLIC_POST_MODE,
  };
}
