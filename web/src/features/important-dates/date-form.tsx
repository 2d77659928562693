import type { ImportantDate, ImportantDateCreate } from '@contract/important-dates';
import { DATE_KINDS, type DateKind } from '@contract/vocabulary';
import { Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { choiceOf } from '../../lib/choice';
import { humanize } from '../../lib/format';
import { FormButtons } from '../../ui/detail-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { MONTH_OPTIONS } from './date-text';

const FIELDS = ['kind', 'label', 'month', 'day', 'year', 'leadDays'] as const;
const KIND_OPTIONS = DATE_KINDS.map((k) => ({ value: k, label: humanize(k) }));

/** Adds or edits one important date; the year is optional (a birthday without one still recurs). */
export function DateForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  initial?: ImportantDate | undefined;
  error: unknown;
  pending: boolean;
  onSubmit: (body: ImportantDateCreate & { leadDays: number }) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<DateKind>(initial?.kind ?? 'birthday');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [month, setMonth] = useState<string | null>(initial ? String(initial.month) : null);
  const [day, setDay] = useState<number | string>(initial?.day ?? '');
  const [year, setYear] = useState<number | string>(initial?.year ?? '');
  const [lead, setLead] = useState<number | string>(initial?.leadDays ?? 7);
  const [touchedLead, setTouchedLead] = useState(!!initial);
  const [missing, setMissing] = useState(false);
  const err = (field: string) => fieldError(error, field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!month || typeof day !== 'number') return setMissing(true);
    onSubmit({
      kind,
      label: label.trim() || null,
      month: Number(month),
      day,
      year: typeof year === 'number' ? year : null,
      leadDays: typeof lead === 'number' ? lead : kind === 'birthday' ? 7 : 3,
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label="Important date"
    >
      <Stack gap="xs" mb="sm">
        <FormErrorAlert error={error} shownFields={FIELDS} />
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={kind}
            allowDeselect={false}
            onChange={(v) => {
              const next = choiceOf(DATE_KINDS, v) ?? 'birthday';
              setKind(next);
              // A week for a birthday card, three days for the rest, until the user picks their own.
              if (!touchedLead) setLead(next === 'birthday' ? 7 : 3);
            }}
            error={err('kind')}
            miw={150}
            data-autofocus
          />
          <TextInput
            label="Label"
            placeholder={kind === 'other' ? 'e.g. Graduation' : 'optional'}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={err('label')}
            miw={150}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap" gap="xs">
          <Select
            label="Month"
            data={MONTH_OPTIONS}
            value={month}
            onChange={setMonth}
            error={err('month') ?? (missing && !month ? 'pick a month' : undefined)}
            required
            miw={130}
          />
          <NumberInput
            label="Day"
            min={1}
            max={31}
            value={day}
            onChange={setDay}
            error={err('day') ?? (missing && typeof day !== 'number' ? 'give the day' : undefined)}
            required
            miw={80}
          />
          <NumberInput
            label="Year"
            description="if known"
            min={1900}
            max={2200}
            value={year}
            onChange={setYear}
            error={err('year')}
            miw={90}
          />
          <NumberInput
            label="Notice (days)"
            min={0}
            max={30}
            value={lead}
            onChange={(v) => {
              setTouchedLead(true);
              setLead(v);
            }}
            error={err('leadDays')}
            miw={100}
          />
        </Group>
        <FormButtons pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
