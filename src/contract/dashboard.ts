import { z } from 'zod';

const Count = z.number().int().min(0);

export const HealthBucket = z.object({
  label: z.string().describe('"0–19" … "80–100"'),
  from: z.number().int(),
  to: z.number().int(),
  count: Count,
});

export const TouchWeek = z.object({
  week: z.string().describe('ISO week, e.g. 2026-W11 (weeks run Monday to Sunday, UTC)'),
  start: z.string().describe('YYYY-MM-DD of its Monday'),
  outbound: Count,
  inbound: Count,
});
export type TouchWeek = z.infer<typeof TouchWeek>;

export const Dashboard = z.object({
  health: z.object({
    basis: z
      .literal('recency')
      .describe(
        "the recency part of the health score (last meaningful touch vs the cadence), scaled to 0–100; the full score needs each contact's history",
      ),
    tracked: Count.describe('tracked contacts counted'),
    noHistory: Count.describe(
      'tracked contacts never contacted: in no bucket, since there is nothing to score',
    ),
    buckets: z.array(HealthBucket).describe('contacts with at least one interaction'),
  }),
  touches: z.object({ weeks: z.array(TouchWeek).describe('the last 26 ISO weeks, oldest first') }),
  cadence: z.object({
    tracked: Count.describe(
      'tracked contacts with a cadence and some history (ad hoc, untracked and never-contacted are left out)',
    ),
    noHistory: Count.describe('tracked contacts never contacted, not counted as on time'),
    onTime: Count,
    due: Count,
    overdue: Count,
  }),
  ledger: z.object({
    gives: Count,
    asks: Count,
    received: Count,
    balance: z.number().int().describe('gives minus asks and favours received'),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;
