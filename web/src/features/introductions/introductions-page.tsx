import { Button, Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { IconPlus } from '../../ui/icons';
import { QueryList } from '../../ui/query-list';
import { IntroductionCard } from './introduction-card';
import { NewIntroductionForm } from './new-introduction-form';
import { useIntroductions } from './queries';

/** Double opt-in introductions: the open ones with their next step, and the ended ones. */
export function IntroductionsPage() {
  const [show, setShow] = useState<'open' | 'ended'>('open');
  const [adding, setAdding] = useState(false);
  const intros = useIntroductions(show === 'open');

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h2">
          Introductions
        </Title>
        {!adding && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            New introduction
          </Button>
        )}
      </Group>
      {adding && (
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <NewIntroductionForm
            onDone={() => {
              setAdding(false);
              setShow('open');
            }}
          />
        </Paper>
      )}
      <SegmentedControl
        aria-label="Which introductions"
        value={show}
        onChange={(v) => setShow(v === 'ended' ? 'ended' : 'open')}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'ended', label: 'Ended' },
        ]}
        w="fit-content"
      />
      <QueryList
        query={intros}
        label="Introductions"
        loading="Loading introductions"
        gap="sm"
        empty={
          show === 'open'
            ? 'No introductions under way. Introducing two people who should know each other is one of the best gives.'
            : 'No introductions have ended yet.'
        }
      >
        {(i) => <IntroductionCard key={i.id} intro={i} />}
      </QueryList>
    </Stack>
  );
}
