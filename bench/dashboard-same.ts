import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InteractionCreate } from '../src/contract/interactions';
import { cadenceInterval } from '../src/core/cadence';
import { signUp } from '../src/services/auth.service';
import { searchElapsed } from '../src/services/dashboard.rules';
import { getDashboard } from '../src/services/dashboard.service';
import { seedDemo } from '../src/services/demo/demo.service';
import type { Deps } from '../src/services/deps';
import { logInteraction } from '../src/services/interactions.service';
import { kysely } from '../src/store/conn';
import { openPostgres } from '../src/store/postgres';
import { openSqlite } from '../src/store/sqlite';
import type { Store } from '../src/store/store';
import { startThrowawayPostgres } from '../test/setup/throwaway-postgres';

/**
 * `TEND_OTHER_TREE=.tend-tmp/main npx tsx bench/dashboard-same.ts`: whether this tree's dashboard
 * answers byte for byte as another tree's does (e.g. main's, from `git archive main src | tar -x -C
 * .tend-tmp/main`; inside this checkout, so that its imports find node_modules), on one demo store
 * per database, at ~190 `now`s: ±3 years, ISO-week-53 year ends, Monday midnights, the latest
 * interactions' own instants ±1 ms, and instants at which a cadence bound or health floor falls
 * exactly on a contact's last touch. Exits 1 on any difference.
 */
const SEED = Date.parse('2026-12-02T12:00:00.000Z');
const DAY = 86_400_000;
const tree = process.env.TEND_OTHER_TREE;
if (!tree) throw new Error('TEND_OTHER_TREE: the other tree (a directory with its src/) to compare with');
const load = async (file: string): Promise<unknown> => import(pathToFileURL(resolve(join(tree, file))).href);
const service = await load('src/services/dashboard.service.ts');
const jsonRows = await load('src/store/json-rows.ts');
type Fn = (...args: unknown[]) => unknown;
function exported(module: unknown, name: string): Fn {
  const f: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined;
  if (typeof f !== 'function') throw new Error(`the other tree exports no ${name}`);
  return (...args) => Reflect.apply(f, undefined, args);
}
const otherDashboard = exported(service, 'getDashboard');
const otherRegisterJsonRows = exported(jsonRows, 'registerJsonRows');

async function compare(name: string, store: Store, rows: { agg: string; array: string }): Promise<number> {
  // The other tree's store helpers keep their own registry of each handle's JSON functions.
  otherRegisterJsonRows(kysely(store.read).getExecutor().adapter, rows);
  let clock = new Date(SEED);
  const deps: Deps = { store, clock: () => clock, newId: randomUUID };
  const me = await signUp(
    deps,
    {
      email: 'same@example.com',
      name: 'S',
      password: 'correct horse battery staple',
      timeZone: 'Europe/London',
    },
    true,
  );
  if (!('created' in me)) throw new Error('sign-up created no account');
  const accountId = me.created.accountId;
  await seedDemo(deps, accountId);
  const db = kysely(store.read);
  const ids = (
    await db.selectFrom('contacts').select('id').where('account_id', '=', accountId).orderBy('id').execute()
  ).map((r) => r.id);
  // Touches on week boundaries (Monday 00:00Z) and a millisecond either side.
  const monday = Date.parse('2026-11-02T00:00:00.000Z');
  let k = 0;
  for (const w of [0, 1, 2, 5, 9, -4, -20])
    for (const d of [-1, 0, 1]) {
      k += 1;
      const input = InteractionCreate.parse({
        channel: 'email',
        direction: k % 2 ? 'outbound' : 'inbound',
        occurredAt: new Date(monday + w * 7 * DAY + d).toISOString(),
      });
      await logInteraction(deps, accountId, ids[k % ids.length] ?? '', input);
    }
  const nows = [SEED];
  for (let i = 0; i < 40; i++) nows.push(SEED + Math.round((i - 20) * 55.3 * DAY + i * 3_600_123));
  for (const at of [
    '2020-12-31T23:59:59.999Z',
    '2021-01-03T23:59:59.999Z',
    '2021-01-04T00:00:00.000Z',
    '2024-02-29T12:00:00.000Z',
    '2025-12-29T00:00:00.000Z',
    '2026-01-01T00:00:00.000Z',
    '2026-12-28T00:00:00.000Z',
    '2026-12-31T12:00:00.000Z',
    '2027-01-03T23:59:59.999Z',
    '2027-01-04T00:00:00.000Z',
    '2029-03-01T00:00:00.000Z',
    '2023-12-02T00:00:00.000Z',
  ])
    nows.push(Date.parse(at));
  const touched = await db
    .selectFrom('interactions')
    .select('occurred_at')
    .where('account_id', '=', accountId)
    .orderBy('occurred_at', 'desc')
    .limit(10)
    .execute();
  for (const r of touched)
    nows.push(Date.parse(r.occurred_at) - 1, Date.parse(r.occurred_at), Date.parse(r.occurred_at) + 1);
  for (const w of [0, 1, 2, 5, 9]) nows.push(monday + w * 7 * DAY - 1, monday + w * 7 * DAY);
  const lasts = await db
    .selectFrom('contacts')
    .select('last_meaningful_at')
    .where('account_id', '=', accountId)
    .where('last_meaningful_at', 'is not', null)
    .orderBy('last_meaningful_at', 'desc')
    .limit(4)
    .execute();
  for (const kind of ['monthly', 'quarterly', 'twice_yearly', 'yearly'] as const) {
    const interval = cadenceInterval({ kind });
    const offsets = [interval?.dueDays ?? 0, interval?.overdueDays ?? 0].map((d) => d * DAY);
    for (const points of [8, 16, 24, 32])
      offsets.push(searchElapsed({ kind }, new Date(SEED).toISOString(), points));
    for (const r of lasts) for (const o of offsets) nows.push(Date.parse(r.last_meaningful_at ?? '') + o);
  }
  const differ: string[] = [];
  for (const n of nows) {
    clock = new Date(n);
    const theirs = JSON.stringify(await otherDashboard(deps, accountId));
    const ours = JSON.stringify(await getDashboard(deps, accountId));
    if (theirs !== ours) differ.push(clock.toISOString());
  }
  console.log(`${name}: ${nows.length - differ.length}/${nows.length} byte-identical`, differ.join(' '));
  return differ.length;
}

let differences = await compare('sqlite', await openSqlite(':memory:'), {
  agg: 'json_group_array',
  array: 'json_array',
});
const cluster = await startThrowawayPostgres();
try {
  const pg = await openPostgres(cluster.adminUrl);
  try {
    differences += await compare('postgres', pg, { agg: 'json_agg', array: 'json_build_array' });
  } finally {
    await pg.close();
  }
} finally {
  cluster.stop();
}
process.exitCode = differences > 0 ? 1 : 0;
