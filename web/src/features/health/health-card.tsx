import type { Health } from '@contract/health';
import { Alert, Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHealth } from './queries';

/** Points each part can earn (core/health.ts HEALTH_WEIGHTS); together they make the 0–100 score. */
const PARTS = [
  { key: 'recency', label: 'Recency', max: 40 },
  { key: 'reciprocity', label: 'Reciprocity', max: 25 },
  { key: 'responsiveness', label: 'Responsiveness', max: 20 },
  { key: 'depth', label: 'Depth', max: 15 },
] as const satisfies readonly { key: keyof Health['parts']; label: string; max: number }[];

/** The explanation opens with "50/100:", which the score beside it already says. */
export function withoutScore(explanation: string): string {
  return explanation.replace(/^\d+\/100:\s*/, '');
}

function colorOf(score: number): string {
  return score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';
}

/** A small card on the contact page: score, its parts, the explanation, and the one-sided warning. */
export function HealthCard({ contactId }: { contactId: string }) {
  const health = useHealth(contactId);
  if (!health.data) return null;
  const h = health.data;
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} aria-label="Relationship health">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <RingProgress
          size={96}
          thickness={9}
          roundCaps
          sections={[{ value: h.score, color: colorOf(h.score) }]}
          label={
            <Text ta="center" fw={700} size="lg" aria-label={`Health ${h.score} of 100`}>
              {h.score}
            </Text>
          }
        />
        <Stack gap="xs" style={{ flex: 1, minWidth: 220 }}>
          <Title order={3}>Health</Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing={6}>
            {PARTS.map((p) => (
              <Stack key={p.key} gap={2}>
                <Group justify="space-between" gap="xs">
                  <Text size="xs" c="dimmed">
                    {p.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {Math.round(h.parts[p.key])}/{p.max}
                  </Text>
                </Group>
                <Progress
                  value={(h.parts[p.key] / p.max) * 100}
                  size="sm"
                  aria-label={`${p.label} ${Math.round(h.parts[p.key])} of ${p.max}`}
                />
              </Stack>
            ))}
          </SimpleGrid>
          <Text size="sm" className="tend-wrap">
            {withoutScore(h.explanation)}
          </Text>
        </Stack>
      </Group>
      {h.oneSided.flagged && h.oneSided.sentence && (
        <Alert color="orange" variant="light" mt="md" title="One-sided lately">
          <span className="tend-wrap">{h.oneSided.sentence}</span>
        </Alert>
      )}
    </Paper>
  );
}
