import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LINKEDIN_POST_MAX, linkedInShareUrl } from '../../../../src/core/public-post';
import { useRecordPublicPost } from './queries';

/** Copies the text; a refused clipboard (no permission, plain http) still leaves the dialog prefilled. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * F16 "share a win in public": a post composer that opens LinkedIn's share dialog with the text
 * (and copies it, since LinkedIn may drop a long prefill), recorded as a public update.
 */
export function LinkedInPostComposer() {
  const [text, setText] = useState('');
  const record = useRecordPublicPost();
  const body = text.trim();
  const open = async () => {
    const copied = await copyText(body);
    record.mutate(
      { body },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: `${copied ? 'Copied and opened' : 'Opened'} in LinkedIn; recorded under Earlier updates.`,
          });
          setText('');
        },
      },
    );
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <div>
          <Title order={3}>Post on LinkedIn</Title>
          <Text size="sm" c="dimmed">
            Share a win or what you are working on. Tend opens LinkedIn’s share box with the text and copies
            it; you press Post there.
          </Text>
        </div>
        <Textarea
          label="Post"
          autosize
          minRows={3}
          maxRows={10}
          maxLength={LINKEDIN_POST_MAX}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          description={`${text.length} / ${LINKEDIN_POST_MAX}`}
        />
        <Group>
          <Button
            component="a"
            href={body ? linkedInShareUrl(body) : undefined}
            target="_blank"
            rel="noopener noreferrer"
            data-disabled={body ? undefined : true}
            aria-disabled={!body}
            onClick={(e) => {
              if (!body) return e.preventDefault();
              void open();
            }}
            loading={record.isPending}
          >
            Copy & open LinkedIn
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
