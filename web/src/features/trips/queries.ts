import type { Trip, TripCreate, TripPeople } from '@contract/trips';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';

const tripsKey = ['trips'] as const;

export function useTrips() {
  return useQuery({
    queryKey: [...tripsKey, 'list'],
    queryFn: () => get<{ items: Trip[] }>('/trips'),
    select: (data) => data.items,
  });
}

export function useAddTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TripCreate) => post<Trip>('/trips', body),
    onSuccess: () => client.invalidateQueries({ queryKey: tripsKey }),
  });
}

/** Contacts who live where the trip goes, closest circles first. */
export function useTripPeople(tripId: string) {
  return useQuery({
    queryKey: [...tripsKey, 'people', tripId],
    queryFn: () => get<TripPeople>(`/trips/${encodeURIComponent(tripId)}/people`),
    select: (data) => data.items,
  });
}
