import type { Brief } from '@contract/brief';
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { formatDate, humanize, relativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { withoutScore } from '../health/health-card';
import { CHANNEL_LABELS } from '../interactions/channel-icon';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function balanceText(balance: number): string {
  if (balance > 0) return `+${balance}: you have given more than you asked.`;
  if (balance < 0) return `${balance}: you have asked more than you gave. Give before you ask.`;
  return '0: even. Give before you ask.';
}

/** "Before you reach out": what to remember, what was said last, their news, what is still open. */
export function BriefView({ brief }: { brief: Brief }) {
  const now = useNow();
  const last = brief.lastTopic;
  const remember = brief.pinnedFacts.length > 0 || brief.pinnedNotes.length > 0;
  return (
    <Stack gap="md" aria-label="Before you reach out">
      <Title order={4}>Before you reach out</Title>
      {brief.recentWin && (
        <Section title="Recent win">
          <Text size="sm" className="tend-wrap">
            <b>{brief.recentWin.title}</b> ({humanize(brief.recentWin.kind).toLowerCase()},{' '}
            {relativeTime(`${brief.recentWin.occurredOn}T12:00:00`, now)})
          </Text>
        </Section>
      )}
      <Section title="Last time">
        {last ? (
          <Stack gap={4}>
            <Group gap={6} wrap="wrap">
              <Text size="sm">
                {formatDate(last.occurredAt)} · {CHANNEL_LABELS[last.channel]} ·{' '}
                {last.direction === 'inbound' ? 'they reached out' : 'you reached out'}
              </Text>
              {last.topics.map((t) => (
                <Badge key={t} size="sm" variant="light" style={{ textTransform: 'none' }}>
                  {t}
                </Badge>
              ))}
            </Group>
            {last.summary && (
              <Text size="sm" c="dimmed" className="tend-wrap">
                {last.summary}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Nothing logged yet.
          </Text>
        )}
      </Section>
      {remember && (
        <Section title="Remember">
          <List size="sm" spacing={2}>
            {brief.pinnedFacts.map((f) => (
              <List.Item key={f.id} className="tend-wrap">
                {f.label ? `${f.label}: ` : `${humanize(f.kind)}: `}
                {f.value}
              </List.Item>
            ))}
            {brief.pinnedNotes.map((n) => (
              <List.Item key={n.id} className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </List.Item>
            ))}
          </List>
        </Section>
      )}
      {brief.openTasks.length > 0 && (
        <Section title="Open tasks">
          <List size="sm" spacing={2}>
            {brief.openTasks.map((t) => (
              <List.Item key={t.id} className="tend-wrap">
                {t.title}{' '}
                <Text span size="xs" c="dimmed">
                  (due {relativeTime(t.dueAt, now)})
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>
      )}
      <Group gap="xl" align="flex-start" wrap="wrap" style={{ rowGap: 'var(--mantine-spacing-md)' }}>
        <Section title={`Health ${brief.health.score}/100`}>
          <Text size="sm" className="tend-wrap" maw={420}>
            {withoutScore(brief.health.explanation)}
          </Text>
          {brief.health.oneSided && (
            <Text size="sm" c="orange" className="tend-wrap" maw={420}>
              {brief.health.oneSided}
            </Text>
          )}
        </Section>
        <Section title="Give / ask">
          <Text size="sm">{balanceText(brief.ledger.balance)}</Text>
        </Section>
      </Group>
    </Stack>
  );
}
