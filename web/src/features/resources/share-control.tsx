import type { Channel } from '@contract/vocabulary';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ChannelSelect } from '../interactions/interaction-fields';
import { useShareResource } from './queries';

/** Channel select and "Share": logs the interaction and the give in one call. */
export function ShareControl({
  resourceId,
  contactId,
  contactName,
  shared,
}: {
  resourceId: string;
  contactId: string;
  contactName: string;
  shared: boolean;
}) {
  const share = useShareResource();
  const [channel, setChannel] = useState<Channel>('email');
  return (
    <Group gap={6} wrap="nowrap">
      <ChannelSelect
        aria-label={`Channel to share with ${contactName}`}
        size="xs"
        w={130}
        value={channel}
        onChange={setChannel}
      />
      <Button
        size="xs"
        variant={shared ? 'default' : 'light'}
        loading={share.isPending}
        onClick={() =>
          share.mutate(
            { resourceId, contactId, channel },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: `Shared with ${contactName}` }),
              onError: (e) =>
                notifications.show({ color: 'red', title: 'Could not share', message: e.message }),
            },
          )
        }
      >
        {shared ? 'Share again' : 'Share'}
      </Button>
    </Group>
  );
}
