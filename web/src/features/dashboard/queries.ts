import type { Dashboard } from '@contract/dashboard';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';

export const dashboardKey = ['dashboard'] as const;

/** Health, weekly touches, cadence adherence and the ledger, computed by the server in a few queries. */
export function useDashboard() {
  return useQuery({ queryKey: dashboardKey, queryFn: () => get<Dashboard>('/dashboard') });
}
