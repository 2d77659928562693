import type { IntroductionDetail } from '@contract/introductions';
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { webHref } from '../resources/web-href';

type Draft = NonNullable<IntroductionDetail['draft']>;

/** The message(s) to send next, as text to read and an e-mail link that opens them prefilled. */
export function IntroductionDraft({ draft, aName, bName }: { draft: Draft; aName: string; bName: string }) {
  const names = { a: aName, b: bName };
  return (
    <Stack gap="xs">
      {draft.messages.map((m) => {
        const mailto = webHref(m.links.mailto, true);
        const linkedin = webHref(m.links.linkedin);
        return (
          <Paper key={m.to.join('+')} withBorder p="xs" bg="var(--mantine-color-default-hover)">
            <Text size="xs" c="dimmed" className="tend-wrap">
              To {m.to.map((side) => names[side]).join(' and ')} · {m.subject}
            </Text>
            <Text size="sm" className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }} mt={4}>
              {m.body}
            </Text>
            {(mailto || linkedin) && (
              <Stack gap={0} mt={6}>
                {mailto && (
                  <Anchor href={mailto} size="sm">
                    Open in e-mail
                  </Anchor>
                )}
                {linkedin && (
                  <Anchor href={linkedin} target="_blank" rel="noopener noreferrer" size="sm">
                    Open LinkedIn
                  </Anchor>
                )}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
