import type { Circle } from '@contract/circles';
import { NAMED_CADENCE_KINDS } from '@contract/vocabulary';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { humanize } from '../../lib/format';

/** The filter inputs as the user types them (dates as YYYY-MM-DD). */
export interface FilterDraft {
  circleId: string | null;
  tag: string;
  company: string;
  industry: string;
  city: string;
  country: string;
  lastContactAfter: string;
  lastContactBefore: string;
  /** A cadence kind, or null for any. */
  cadence: string | null;
  /** A health bucket's value (HEALTH_FILTERS), or null for any. */
  health: string | null;
}

/** The dashboard's health buckets, plus the people never contacted, who have no score. */
export const HEALTH_FILTERS = [
  { value: '80-100', label: '80–100', healthMin: 80, healthMax: 100 },
  { value: '60-79', label: '60–79', healthMin: 60, healthMax: 79 },
  { value: '40-59', label: '40–59', healthMin: 40, healthMax: 59 },
  { value: '20-39', label: '20–39', healthMin: 20, healthMax: 39 },
  { value: '0-19', label: '0–19', healthMin: 0, healthMax: 19 },
  { value: 'none', label: 'No history (never contacted)', noHistory: true },
] as const;

export const emptyFilterDraft: FilterDraft = {
  circleId: null,
  tag: '',
  company: '',
  industry: '',
  city: '',
  country: '',
  lastContactAfter: '',
  lastContactBefore: '',
  cadence: null,
  health: null,
};

const CADENCE_OPTIONS = NAMED_CADENCE_KINDS.concat().map((k) => ({ value: k, label: humanize(k) }));

export function ContactFilters({
  draft,
  onChange,
  circles,
}: {
  draft: FilterDraft;
  onChange: (next: FilterDraft) => void;
  circles: Circle[];
}) {
  const text = (key: Exclude<keyof FilterDraft, 'circleId' | 'cadence' | 'health'>) => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) =>
      onChange({ ...draft, [key]: e.currentTarget.value }),
  });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <Select
        label="Circle"
        placeholder={circles.length ? 'Any circle' : 'No circles yet'}
        disabled={circles.length === 0}
        clearable
        data={circles.map((c) => ({ value: c.id, label: c.name }))}
        value={draft.circleId}
        onChange={(circleId) => onChange({ ...draft, circleId })}
      />
      <TextInput label="Tag" placeholder="Any tag" {...text('tag')} />
      <TextInput label="Company filter" placeholder="Any company" {...text('company')} />
      <TextInput label="Industry filter" placeholder="Any industry" {...text('industry')} />
      <TextInput label="City filter" placeholder="Any city" {...text('city')} />
      <TextInput label="Country filter" placeholder="Any country" {...text('country')} />
      <TextInput label="Last contact after" type="date" {...text('lastContactAfter')} />
      <TextInput label="Last contact before" type="date" {...text('lastContactBefore')} />
      <Select
        label="Cadence"
        description="their own, or their circle's"
        placeholder="Any cadence"
        clearable
        data={[...CADENCE_OPTIONS, { value: 'custom', label: 'Custom' }]}
        value={draft.cadence}
        onChange={(cadence) => onChange({ ...draft, cadence })}
      />
      <Select
        label="Health"
        description="the score's bucket, as on the dashboard"
        placeholder="Any health"
        clearable
        data={HEALTH_FILTERS.map(({ value, label }) => ({ value, label }))}
        value={draft.health}
        onChange={(health) => onChange({ ...draft, health })}
      />
    </SimpleGrid>
  );
}
