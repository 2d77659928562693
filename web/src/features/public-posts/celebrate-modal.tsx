import type { TimelineEntry } from '@contract/timeline';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { congratulationPost, LINKEDIN_POST_MAX, linkedInShareUrl } from '../../../../src/core/public-post';
import { copyText } from './linkedin-post-composer';
import { useMarkCongratulationPosted } from './queries';

export type CelebratedEvent = Extract<TimelineEntry, { type: 'life_event' }>;

/**
 * F10/F11 "celebrate publicly": a short congratulation post for a contact's win, opened in
 * LinkedIn; "Mark as posted" counts a public_congratulation give in their ledger.
 */
export function CelebrateModal({
  contact,
  event,
  onClose,
}: {
  contact: { id: string; firstName: string; lastName: string; company: string | null };
  event: CelebratedEvent;
  onClose: () => void;
}) {
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const [text, setText] = useState(
    () => congratulationPost({ name, kind: event.kind, title: event.title, company: contact.company }) ?? '',
  );
  const posted = useMarkCongratulationPosted(contact.id);
  const body = text.trim();
  return (
    <Modal opened onClose={onClose} title={`Celebrate ${contact.firstName} publicly`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Edit the post, open it in LinkedIn (the text is copied too), and tag {contact.firstName} there. Once
          it is up, mark it posted: it counts as a give in your ledger.
        </Text>
        <Textarea
          label="Post"
          autosize
          minRows={4}
          maxLength={LINKEDIN_POST_MAX}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            component="a"
            href={linkedInShareUrl(body)}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => void copyText(body)}
          >
            Copy & open LinkedIn
          </Button>
          <Button
            loading={posted.isPending}
            disabled={!body}
            onClick={() =>
              posted.mutate(`Celebrated in public: ${event.title}`, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `Counted as a give to ${contact.firstName}` });
                  onClose();
                },
              })
            }
          >
            Mark as posted
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
