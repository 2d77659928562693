import type { Contact, ContactCreate } from '@contract/contacts';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { CHANNELS } from '../../../../src/core/vocabulary';
import { ApiError } from '../../api/client';
import { humanize } from '../../lib/format';
import { IconPlus, IconTrash } from '../../ui/icons';
import { TimeZoneSelect } from '../../ui/time-zone-select';
import { useCircles } from '../circles/queries';
import { MONTH_OPTIONS } from '../important-dates/date-text';
import { toChannel } from '../interactions/channel-icon';
import {
  type BirthdayValue,
  type ContactFormValues,
  contactToForm,
  emptyContactForm,
  formToPayload,
  linkInputForField,
  rowForField,
} from './contact-form-values';

const CHANNEL_OPTIONS = CHANNELS.map((value) => ({ value, label: humanize(value) }));

/** Server errors keyed by the form's own input names (`emails.1` = the second e-mail row). */
function errorsByInput(error: unknown, sent: ContactFormValues | null): Map<string, string> {
  const map = new Map<string, string>();
  if (!(error instanceof ApiError) || !sent) return map;
  for (const { field, message } of error.errors) {
    const [head, index] = field.split('.');
    const n = Number(index);
    let key = field;
    if ((head === 'emails' || head === 'phones') && Number.isInteger(n)) {
      key = `${head}.${rowForField(sent[head], n)}`;
    } else if (head === 'links' && Number.isInteger(n)) {
      key = linkInputForField(sent, n) ?? field;
    } else if (head) {
      key = head;
    }
    if (!map.has(key)) map.set(key, message);
  }
  return map;
}

const KNOWN_INPUTS = new Set([
  'firstName',
  'lastName',
  'linkedin',
  'website',
  'company',
  'title',
  'industry',
  'city',
  'country',
  'timeZone',
  'preferredChannel',
  'circleId',
  'tags',
  'howMet',
  'metOn',
  'tracked',
  'birthday',
]);

type TextKey = {
  [K in keyof ContactFormValues]: ContactFormValues[K] extends string ? K : never;
}[keyof ContactFormValues];

interface ContactFormProps {
  contact?: Contact;
  /** The contact's birthday date when editing, so the form starts from it. */
  birthday?: BirthdayValue | null;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: ContactCreate) => void;
  onCancel: () => void;
}

/** The one form for adding and editing a contact. */
export function ContactForm({
  contact,
  birthday,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: ContactFormProps) {
  const [v, setV] = useState<ContactFormValues>(() =>
    contact ? contactToForm(contact, birthday) : emptyContactForm(),
  );
  const [sent, setSent] = useState<ContactFormValues | null>(null);
  const circles = useCircles();
  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const errors = useMemo(() => errorsByInput(error, sent), [error, sent]);
  const text = (key: TextKey) => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors.get(key),
  });
  const unplaced = [...errors].filter(
    ([key]) => !KNOWN_INPUTS.has(key) && !/^(emails|phones)\.\d+$/.test(key),
  );
  const general =
    error && (!(error instanceof ApiError) || error.errors.length === 0)
      ? error instanceof Error
        ? error.message
        : 'Could not save'
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(v);
    onSubmit(formToPayload(v, contact, !!birthday));
  };
  const circleData = (circles.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  const rows = (key: 'emails' | 'phones', label: string, type: string) => (
    <Stack gap={6}>
      {v[key].map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <Group key={i} gap={6} align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={i === 0 ? label : `${label} ${i + 1}`}
            type={type}
            value={value}
            onChange={(e) => {
              const next = [...v[key]];
              next[i] = e.currentTarget.value;
              set(key, next);
            }}
            error={errors.get(`${key}.${i}`)}
          />
          {i > 0 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={26}
              size="lg"
              aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
              onClick={() =>
                set(
                  key,
                  v[key].filter((_, j) => j !== i),
                )
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => set(key, [...v[key], ''])}
      >
        Add {label.toLowerCase()}
      </Button>
    </Stack>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {(general || unplaced.length > 0) && (
          <Alert color="red" role="alert" className="tend-wrap">
            {general ?? unplaced.map(([k, m]) => `${k}: ${m}`).join('; ')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" data-autofocus {...text('firstName')} />
          <TextInput label="Last name" autoComplete="off" {...text('lastName')} />
          {rows('emails', 'E-mail', 'email')}
          {rows('phones', 'Phone', 'tel')}
          <TextInput label="LinkedIn" placeholder="https://www.linkedin.com/in/…" {...text('linkedin')} />
          <TextInput label="Website" placeholder="https://…" {...text('website')} />
          <TextInput label="Company" {...text('company')} />
          <TextInput label="Title" {...text('title')} />
          <TextInput label="Industry" {...text('industry')} />
          <TextInput label="City" {...text('city')} />
          <TextInput label="Country" {...text('country')} />
          <TimeZoneSelect
            label="Time zone"
            placeholder="Pick a zone"
            clearable
            value={v.timeZone}
            onChange={(zone) => set('timeZone', zone)}
            error={errors.get('timeZone')}
          />
          <Select
            label="Preferred channel"
            placeholder="Any"
            clearable
            data={CHANNEL_OPTIONS}
            value={v.preferredChannel}
            onChange={(value) => set('preferredChannel', toChannel(value))}
            error={errors.get('preferredChannel')}
          />
          <Select
            label="Circle"
            placeholder={circleData.length ? 'No circle' : 'No circles yet'}
            clearable
            disabled={circleData.length === 0}
            data={circleData}
            value={v.circleId}
            onChange={(value) => set('circleId', value)}
            error={errors.get('circleId')}
          />
          <TagsInput
            label="Tags"
            placeholder="Type and press Enter"
            value={v.tags}
            onChange={(tags) => set('tags', tags)}
            error={errors.get('tags')}
          />
          <TextInput label="Met on" type="date" {...text('metOn')} />
          <Group gap="xs" align="flex-start" wrap="nowrap" role="group" aria-label="Birthday">
            <Select
              label="Birthday"
              placeholder="Month"
              clearable
              data={MONTH_OPTIONS}
              value={v.birthdayMonth}
              onChange={(value) => set('birthdayMonth', value)}
              style={{ flex: 2 }}
            />
            <TextInput
              label="Day"
              inputMode="numeric"
              value={v.birthdayDay}
              onChange={(e) => set('birthdayDay', e.currentTarget.value.replace(/\D/g, '').slice(0, 2))}
              error={errors.get('birthday')}
              style={{ flex: 1 }}
            />
            <TextInput
              label="Year"
              placeholder="optional"
              inputMode="numeric"
              value={v.birthdayYear}
              onChange={(e) => set('birthdayYear', e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
              style={{ flex: 1.4 }}
            />
          </Group>
        </SimpleGrid>
        <Textarea label="How we met" autosize minRows={2} maxRows={6} {...text('howMet')} />
        <Switch
          label="Tracked"
          description="Suggest this person in the Today queue when they are due"
          checked={v.tracked}
          onChange={(e) => set('tracked', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} disabled={!v.firstName.trim()}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
