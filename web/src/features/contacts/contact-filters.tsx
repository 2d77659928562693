import type { Circle } from '@contract/circles';
import { Select, SimpleGrid, TextInput } from '@mantine/core';

/** The filter inputs as the user types them (dates as YYYY-MM-DD). */
export interface FilterDraft {
  circleId: string | null;
  tag: string;
  company: string;
  city: string;
  country: string;
  lastContactAfter: string;
  lastContactBefore: string;
}

export const emptyFilterDraft: FilterDraft = {
  circleId: null,
  tag: '',
  company: '',
  city: '',
  country: '',
  lastContactAfter: '',
  lastContactBefore: '',
};

export function ContactFilters({
  draft,
  onChange,
  circles,
}: {
  draft: FilterDraft;
  onChange: (next: FilterDraft) => void;
  circles: Circle[];
}) {
  const text = (key: Exclude<keyof FilterDraft, 'circleId'>) => ({
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
      <TextInput label="City filter" placeholder="Any city" {...text('city')} />
      <TextInput label="Country filter" placeholder="Any country" {...text('country')} />
      <TextInput label="Last contact after" type="date" {...text('lastContactAfter')} />
      <TextInput label="Last contact before" type="date" {...text('lastContactBefore')} />
    </SimpleGrid>
  );
}
