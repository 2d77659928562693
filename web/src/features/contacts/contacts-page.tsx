import type { ContactFilter, ContactSort } from '@contract/contacts';
import { CADENCE_KINDS } from '@contract/vocabulary';
import {
  Badge,
  Button,
  Center,
  Collapse,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { dayStartIso } from '../../lib/format';
import { ErrorPanel } from '../../ui/error-panel';
import { IconFilter, IconPlus, IconSearch } from '../../ui/icons';
import { useCircles } from '../circles/queries';
import { useSegments } from '../segments/queries';
import { SaveSegmentModal } from '../segments/save-segment-modal';
import { SegmentBanner } from '../segments/segment-banner';
import { ContactFilters, emptyFilterDraft, type FilterDraft, HEALTH_FILTERS } from './contact-filters';
import { ContactFormModal } from './contact-form-modal';
import { ContactCards, ContactTable, type Selection } from './contact-list';
import { ContactsBulkBar } from './contacts-bulk-bar';
import { ContactsEmpty } from './contacts-empty';
import { useContactPages } from './queries';

type Draft = FilterDraft & { q: string };
const TEXT_KEYS = [
  'q',
  'tag',
  'company',
  'industry',
  'city',
  'country',
  'lastContactAfter',
  'lastContactBefore',
] as const;

/** The URL holds the search and filters, so back/forward and shared links keep them. */
function draftFromParams(params: URLSearchParams): Draft {
  const draft: Draft = { ...emptyFilterDraft, q: '' };
  for (const key of TEXT_KEYS) draft[key] = params.get(key) ?? '';
  draft.circleId = params.get('circleId');
  draft.cadence = params.get('cadence');
  draft.health = params.get('health');
  return draft;
}

function paramsFromDraft(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of TEXT_KEYS) if (draft[key].trim()) out[key] = draft[key].trim();
  if (draft.circleId) out.circleId = draft.circleId;
  if (draft.cadence) out.cadence = draft.cadence;
  if (draft.health) out.health = draft.health;
  return out;
}

function filterFromParams(params: URLSearchParams): ContactFilter {
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const day = (key: string) => {
    const value = get(key);
    return value ? dayStartIso(value) : undefined;
  };
  const before = get('lastContactBefore');
  const health = HEALTH_FILTERS.find((h) => h.value === get('health'));
  return {
    ...(health && 'noHistory' in health
      ? { noHistory: true }
      : health && { healthMin: health.healthMin, healthMax: health.healthMax }),
    q: get('q'),
    circleId: get('circleId'),
    tag: get('tag'),
    company: get('company'),
    industry: get('industry'),
    cadence: CADENCE_KINDS.find((k) => k === get('cadence')),
    city: get('city'),
    country: get('country'),
    lastContactAfter: day('lastContactAfter'),
    // "before 10 March" includes all of 10 March: the bound is the next day's midnight.
    lastContactBefore: before ? dayStartIso(nextDay(before)) : undefined,
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Drops the unset keys, so a saved segment holds only what was chosen. */
function definedOnly(filter: ContactFilter): ContactFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
}

const SORT_OPTIONS: { value: ContactSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'last_contact', label: 'Last contact' },
  { value: 'next_due', label: 'Next due' },
  { value: 'health', label: 'Health' },
];

export function ContactsPage() {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Draft>(() => draftFromParams(params));
  const [debounced] = useDebouncedValue(draft, 300);
  const [filtersOpen, filters] = useDisclosure(false);
  const [adding, add] = useDisclosure(false);
  const [saving, save] = useDisclosure(false);
  const desktop = useMediaQuery('(min-width: 48em)');
  const circles = useCircles();
  const segments = useSegments();
  const segmentId = params.get('segment');
  const segment = segmentId ? segments.data?.find((s) => s.id === segmentId) : undefined;
  const sort = SORT_OPTIONS.find((o) => o.value === params.get('sort'))?.value ?? 'name';

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(paramsFromDraft(debounced));
        for (const key of ['segment', 'sort']) {
          const kept = prev.get(key);
          if (kept) next.set(key, kept);
        }
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const ownFilter = useMemo(() => filterFromParams(params), [params]);
  // A segment's saved filter is applied afresh: its people are whoever matches now.
  const filter = segment ? segment.filter : ownFilter;
  const pages = useContactPages(filter, sort);
  const total = pages.data?.pages[0]?.total;
  const contacts = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const activeFilters = Object.keys(paramsFromDraft(draft)).filter((k) => k !== 'q').length;
  const filtering = Object.values(filter).some(Boolean);
  const setSort = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && value !== 'name') next.set('sort', value);
        else next.delete('sort');
        return next;
      },
      { replace: true },
    );
  const now = new Date();
  const circleNames = new Map((circles.data ?? []).map((c) => [c.id, c.name]));
  const circleColors = new Map((circles.data ?? []).map((c) => [c.id, c.color]));
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const selection: Selection = {
    ids: picked,
    toggle: (id) =>
      setPicked((old) => {
        const next = new Set(old);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    setAll: (ids, on) =>
      setPicked((old) => {
        const next = new Set(old);
        for (const id of ids) on ? next.add(id) : next.delete(id);
        return next;
      }),
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {segment ? segment.name : 'Contacts'}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={add.open}>
          Add contact
        </Button>
      </Group>
      {segmentId && (
        <SegmentBanner
          segment={segment}
          loading={segments.isPending}
          onLeave={() => setParams(new URLSearchParams(paramsFromDraft(draft)))}
        />
      )}
      {!segmentId && (
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            aria-label="Search contacts"
            placeholder="Search contacts"
            leftSection={<IconSearch size={16} />}
            value={draft.q}
            onChange={(e) => {
              const q = e.currentTarget.value;
              setDraft((d) => ({ ...d, q }));
            }}
            type="search"
          />
          <Button
            variant={filtersOpen ? 'light' : 'default'}
            leftSection={<IconFilter size={16} />}
            onClick={filters.toggle}
            aria-expanded={filtersOpen}
            rightSection={
              activeFilters ? (
                <Badge size="xs" circle>
                  {activeFilters}
                </Badge>
              ) : undefined
            }
          >
            Filters
          </Button>
        </Group>
      )}
      <Collapse expanded={filtersOpen && !segmentId}>
        <Stack gap="xs">
          <ContactFilters
            draft={draft}
            circles={circles.data ?? []}
            onChange={(next) => setDraft((d) => ({ ...d, ...next }))}
          />
          {activeFilters > 0 && (
            <Group gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setDraft((d) => ({ ...emptyFilterDraft, q: d.q }))}
              >
                Clear filters
              </Button>
              <Button variant="light" size="compact-sm" onClick={save.open}>
                Save as segment
              </Button>
            </Group>
          )}
        </Stack>
      </Collapse>

      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {total === undefined ? '' : `${total.toLocaleString()} ${total === 1 ? 'contact' : 'contacts'}`}
        </Text>
        <Select
          aria-label="Sort by"
          size="xs"
          w={170}
          data={SORT_OPTIONS}
          value={sort}
          allowDeselect={false}
          onChange={setSort}
          leftSection={<Text size="xs">Sort</Text>}
          leftSectionWidth={42}
        />
      </Group>
      {pages.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading contacts" />
        </Center>
      ) : pages.isError ? (
        <ErrorPanel error={pages.error} onRetry={() => pages.refetch()} />
      ) : contacts.length === 0 ? (
        <ContactsEmpty filtering={filtering} onAdd={add.open} />
      ) : (
        <>
          {desktop && picked.size > 0 && (
            <ContactsBulkBar
              ids={[...picked]}
              circles={circles.data ?? []}
              onDone={() => setPicked(new Set())}
            />
          )}
          {desktop ? (
            <ContactTable
              contacts={contacts}
              now={now}
              circleNames={circleNames}
              circleColors={circleColors}
              selection={selection}
            />
          ) : (
            <ContactCards
              contacts={contacts}
              now={now}
              circleNames={circleNames}
              circleColors={circleColors}
            />
          )}
          {pages.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={pages.isFetchingNextPage}
                onClick={() => pages.fetchNextPage()}
              >
                Load more
              </Button>
            </Center>
          )}
        </>
      )}
      <ContactFormModal opened={adding} onClose={add.close} />
      <SaveSegmentModal opened={saving} onClose={save.close} filter={definedOnly(ownFilter)} />
    </Stack>
  );
}
