import type { HolidaySettings, HolidaySettingsBody } from '@contract/holidays';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, put } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export const holidayQueries = {
  settings: () => ['holidays', 'settings'] as const,
};

export function useHolidaySettings() {
  return useQuery({
    queryKey: holidayQueries.settings(),
    queryFn: () => get<HolidaySettings>('/holidays/settings'),
  });
}

/** Saves every circle's choice at once; Today and capacity change with it. */
export function useSaveHolidaySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HolidaySettingsBody) => put<HolidaySettings>('/holidays/settings', body),
    onSuccess: (data) => {
      client.setQueryData(holidayQueries.settings(), data);
      void client.invalidateQueries({ queryKey: queryKeys.capacity });
      void client.invalidateQueries({ queryKey: queryKeys.today });
    },
  });
}
