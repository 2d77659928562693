import type { HolidaySettings } from '@contract/holidays';
import { HOLIDAY_KINDS, type HolidayKind } from '@contract/vocabulary';
import { Button, Grid, Group, MultiSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { choicesOf } from '../../lib/choice';
import { formError } from '../../ui/field-errors';
import { useCircles } from '../circles/queries';
import { useHolidaySettings, useSaveHolidaySettings } from './queries';

export const HOLIDAY_LABELS = {
  new_year: 'New Year',
  lunar_new_year: 'Lunar New Year',
  easter: 'Easter',
  eid_al_fitr: 'Eid al-Fitr',
  eid_al_adha: 'Eid al-Adha',
  diwali: 'Diwali',
  rosh_hashanah: 'Rosh Hashanah',
  hanukkah: 'Hanukkah',
  thanksgiving: 'Thanksgiving',
  christmas: 'Christmas',
  public_holiday: 'Other public holidays',
} satisfies Record<HolidayKind, string>;

const KIND_OPTIONS = HOLIDAY_KINDS.map((k) => ({ value: k, label: HOLIDAY_LABELS[k] }));
const DEFAULT_LEAD = 3;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Draft = Record<string, { kinds: HolidayKind[]; leadDays: number | string }>;

/** F9: per circle, which holidays of each contact's country count, and how many days ahead. */
export function HolidaysPanel() {
  const settings = useHolidaySettings();
  const circles = useCircles();
  if (!settings.data || !circles.data) return null;
  return (
    <HolidaysForm key={JSON.stringify(settings.data.circles)} saved={settings.data} circles={circles.data} />
  );
}

function HolidaysForm({
  saved,
  circles,
}: {
  saved: HolidaySettings;
  circles: { id: string; name: string }[];
}) {
  const save = useSaveHolidaySettings();
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(saved.circles.map((c) => [c.circleId, { kinds: c.kinds, leadDays: c.leadDays }])),
  );
  const of = (id: string) => draft[id] ?? { kinds: [], leadDays: DEFAULT_LEAD };
  const set = (id: string, next: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [id]: { ...of(id), ...next } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        circles: circles
          .filter((c) => of(c.id).kinds.length > 0)
          .map((c) => ({ circleId: c.id, kinds: of(c.id).kinds, leadDays: Number(of(c.id).leadDays) })),
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Holidays saved' }) },
    );
  };
  const counted = new Map(saved.circles.map((c) => [c.circleId, c]));
  const error = formError(save.error, []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={submit} aria-label="Holidays">
        <Stack>
          <div>
            <Title order={3}>Holidays</Title>
            <Text size="sm" c="dimmed">
              A greeting on a day that matters to them: the holidays of each tracked contact’s country (from
              the country field, else the phone number, else the time zone), counted in their own time zone.
              At most one holiday a week per person.
            </Text>
          </div>
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Stack gap="xs" role="list" aria-label="Holidays per circle">
            {circles.map((c) => {
              const n = counted.get(c.id);
              return (
                <Grid key={c.id} role="listitem" align="center" gap="xs">
                  <Grid.Col span={{ base: 12, sm: 3 }}>
                    <Text fw={500}>{c.name}</Text>
                    {n && (
                      <Text size="xs" c="dimmed">
                        {plural(n.contacts, 'person', 'people')} · {n.touchesPerYear} a year
                      </Text>
                    )}
                  </Grid.Col>
                  <Grid.Col span={{ base: 8, sm: 7 }}>
                    <MultiSelect
                      aria-label={`Holidays for ${c.name}`}
                      data={KIND_OPTIONS}
                      value={of(c.id).kinds}
                      onChange={(v) => set(c.id, { kinds: choicesOf(HOLIDAY_KINDS, v) })}
                      placeholder={of(c.id).kinds.length ? undefined : 'None'}
                      clearable
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 4, sm: 2 }}>
                    <NumberInput
                      aria-label={`Days ahead for ${c.name}`}
                      title="Days ahead"
                      min={0}
                      max={30}
                      clampBehavior="strict"
                      allowDecimal={false}
                      value={of(c.id).leadDays}
                      onChange={(v) => set(c.id, { leadDays: v })}
                      rightSection={
                        <Text size="xs" c="dimmed">
                          days
                        </Text>
                      }
                      rightSectionWidth={40}
                      hideControls
                    />
                  </Grid.Col>
                </Grid>
              );
            })}
          </Stack>
          <Text size="sm" aria-live="polite">
            {saved.touchesPerYear > 0
              ? `The chosen holidays add about ${plural(saved.touchesPerYear, 'touch', 'touches')} a year to your plan${saved.touchesPerYear >= 26 ? ` (${(saved.touchesPerYear / 52).toFixed(1)} a week)` : ''}.`
              : 'No holidays chosen yet.'}
          </Text>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save holidays
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
