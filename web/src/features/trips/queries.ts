import type { Trip, TripCreate, TripPatch, TripPeople } from '@contract/trips';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';

export const tripsKey = ['trips'] as const;
export const tripListKey = [...tripsKey, 'list'] as const;

export function useTrips() {
  return useQuery({
    queryKey: tripListKey,
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

/** A changed city or dates changes who is there, so everything under `trips` refetches. */
export function usePatchTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TripPatch }) =>
      patch<Trip>(`/trips/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: tripsKey }),
  });
}

export const deleteTrip = (id: string) => del(`/trips/${encodeURIComponent(id)}`);

/** Contacts who live where the trip goes, closest circles first. */
export function useTripPeople(tripId: string) {
  return useQuery({
    queryKey: [...tripsKey, 'people', tripId],
    queryFn: () => get<TripPeople>(`/trips/${encodeURIComponent(tripId)}/people`),
    select: (data) => data.items,
  });
}
