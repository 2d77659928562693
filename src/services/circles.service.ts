import type { Circle, CircleCreate, CirclePatch } from '../contract/circles';
import { DEFAULT_CADENCE_BY_CIRCLE } from '../core/cadence';
import { NotFound } from '../core/errors';
import type { Cadence } from '../core/vocabulary';
import {
  type CircleRow,
  circleContactIds,
  countContactsByCircle,
  deleteCircle,
  findCircle,
  insertCircles,
  listCircles,
  updateCircle,
} from '../store/circles.repo';
import { cadenceColumns, cadenceOf } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { refreshSchedule } from './schedule';

function toCircleDto(r: CircleRow, contactCount: number): Circle {
  const kind = r.kind;
  return {
    id: r.id,
    name: r.name,
    kind,
    cadence: cadenceOf(r) ?? DEFAULT_CADENCE_BY_CIRCLE[kind],
    color: r.color ?? null,
    contactCount,
    createdAt: r.created_at,
  };
}

export async function listCircleItems(deps: Deps, accountId: string): Promise<Circle[]> {
  const [rows, counts] = await Promise.all([
    listCircles(deps.store.read, accountId),
    countContactsByCircle(deps.store.read, accountId),
  ]);
  return rows.map((r) => toCircleDto(r, counts.get(r.id) ?? 0));
}

export async function createCircle(deps: Deps, accountId: string, input: CircleCreate): Promise<Circle> {
  const cadence: Cadence = input.cadence ?? DEFAULT_CADENCE_BY_CIRCLE[input.kind];
  const row = {
    account_id: accountId,
    id: deps.newId(),
    name: input.name,
    kind: input.kind,
    ...cadenceColumns(cadence),
    color: input.color ?? null,
    created_at: nowIso(deps),
  };
  await insertCircles(deps.store.read, [row]);
  return toCircleDto(row, 0);
}

/** A new cadence moves the next due date of every contact who follows the circle's default, atomically. */
export async function patchCircle(
  deps: Deps,
  accountId: string,
  id: string,
  patch: CirclePatch,
): Promise<Circle> {
  return deps.store.transaction(async (trx) => {
    const row = await findCircle(trx, accountId, id);
    if (!row) throw new NotFound('circle not found');
    const values: Partial<CircleRow> = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.kind && { kind: patch.kind }),
      ...(patch.cadence && cadenceColumns(patch.cadence)),
      ...(patch.color !== undefined && { color: patch.color }),
    };
    if (Object.keys(values).length) await updateCircle(trx, accountId, id, values);
    const contactIds = await circleContactIds(trx, accountId, id);
    if (patch.cadence || patch.kind) {
      for (const contactId of contactIds) {
        await refreshSchedule(deps, trx, accountId, contactId, { created: false });
      }
    }
    return toCircleDto({ ...row, ...values }, contactIds.length);
  });
}

/** Its contacts stay, without a circle (and so on the default cadence). */
export async function removeCircle(deps: Deps, accountId: string, id: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const contactIds = await circleContactIds(trx, accountId, id);
    if ((await deleteCircle(trx, accountId, id)) === 0) throw new NotFound('circle not found');
    for (const contactId of contactIds) {
      await refreshSchedule(deps, trx, accountId, contactId, { created: false });
    }
  });
}
