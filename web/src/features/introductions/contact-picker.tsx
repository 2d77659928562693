import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useContactSearch } from '../contacts/queries';

export interface PickedContact {
  id: string;
  name: string;
}

/** A searchable contact select that asks the server (`/contacts?q=`) as the user types. */
export function ContactPicker({
  label,
  value,
  onChange,
  error,
  exclude,
}: {
  label: string;
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  error?: string | undefined;
  exclude?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  // While the box shows the picked name, list by that name's search too; that is harmless.
  const found = useContactSearch(q);
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== exclude)
    .map((c) => ({ value: c.id, label: c.displayName }));
  if (value && !options.some((o) => o.value === value.id))
    options.unshift({ value: value.id, label: value.name });

  return (
    <Select
      label={label}
      placeholder="Search contacts"
      searchable
      // The server already filtered by full-text search; filtering again by label would hide matches on e-mail or notes.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No contacts match'}
      error={error}
    />
  );
}
