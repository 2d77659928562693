import type {
  Contact,
  ContactCreate,
  ContactFilter,
  ContactPage,
  ContactPatch,
  ContactSort,
} from '@contract/contacts';
import type { DemoSummary } from '@contract/demo';
import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import { FIRST_CURSOR } from '../../api/first-cursor';
import { queryKeys } from '../../api/query-keys';

export const contactsKey = queryKeys.contacts;
const PAGE_SIZE = 50;

/** The contact list as cursor pages; `fetchNextPage` follows `nextCursor`. */
export function useContactPages(filter: ContactFilter, sort: ContactSort = 'name') {
  return useInfiniteQuery({
    queryKey: [...contactsKey, 'list', filter, sort],
    queryFn: ({ pageParam }) =>
      get<ContactPage>('/contacts', { ...filter, sort, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: FIRST_CURSOR,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The first 20 contacts matching a search, for a picker; the last answer stays while the next loads. */
export function useContactSearch(q: string) {
  return useQuery({
    queryKey: [...contactsKey, 'pick', q],
    queryFn: () => get<ContactPage>('/contacts', { q: q.trim(), limit: 20 }),
    placeholderData: (previous) => previous,
  });
}

/** How many contacts the account has (one tiny page's total): zero means a first run. */
export function useContactCount() {
  return useQuery({
    queryKey: [...contactsKey, 'count'],
    queryFn: async () => (await get<ContactPage>('/contacts', { limit: 1 })).total,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: [...contactsKey, 'one', id],
    queryFn: () => get<Contact>(`/contacts/${encodeURIComponent(id)}`),
  });
}

export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreate) => post<Contact>('/contacts', body),
    // A new person (with a birthday, perhaps) changes Today and the first-run guide too.
    onSuccess: () =>
      Promise.all(
        [contactsKey, queryKeys.today, queryKeys.importantDates].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useUpdateContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactPatch) => patch<Contact>(`/contacts/${encodeURIComponent(id)}`, body),
    onSuccess: (contact) => {
      client.setQueryData([...contactsKey, 'one', id], contact);
      // The form may have changed the birthday: its date, Today and the brief follow.
      return Promise.all(
        [[...contactsKey, 'list'], queryKeys.importantDatesOf(id), queryKeys.today, queryKeys.brief(id)].map(
          (queryKey) => client.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

/**
 * Drops the contact from every cached list page at once, so the list never shows it again while
 * it refetches; the open contact page is left alone (refetching it would flash a 404).
 */
export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/contacts/${encodeURIComponent(id)}`),
    onSuccess: (_result, id) => {
      client.setQueriesData<InfiniteData<ContactPage>>({ queryKey: [...contactsKey, 'list'] }, (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })) }
          : data,
      );
      return client.invalidateQueries({ queryKey: [...contactsKey, 'list'] });
    },
  });
}

/** Fills an empty account with a made-up network to explore. */
export function useLoadDemo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<DemoSummary>('/demo'),
    onSuccess: () => client.invalidateQueries(),
  });
}
