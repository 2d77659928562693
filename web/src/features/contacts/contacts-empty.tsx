import { Button, EmptyState, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconUsers } from '../../ui/icons';
import { useLoadDemo } from './queries';

/** An empty account invites a first contact or a demo network; an empty search says so. */
export function ContactsEmpty({ filtering, onAdd }: { filtering: boolean; onAdd: () => void }) {
  const demo = useLoadDemo();
  if (filtering) {
    return (
      <EmptyState
        icon={<IconSearch size={28} />}
        withIndicatorBackground
        title="No contacts match"
        description="Try fewer words or clear a filter."
      />
    );
  }
  return (
    <EmptyState
      icon={<IconUsers size={28} />}
      variant="light"
      title="No contacts yet"
      description="Add the people you want to keep in touch with, or explore Tend with a made-up network first."
      py="xl"
    >
      <EmptyState.Actions>
        <Group justify="center">
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            Add your first contact
          </Button>
          <Button
            variant="default"
            loading={demo.isPending}
            onClick={() =>
              demo.mutate(undefined, {
                onSuccess: (summary) =>
                  notifications.show({
                    color: 'teal',
                    message: `Loaded ${summary.contacts} made-up people with ${summary.interactions} interactions`,
                  }),
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    title: 'Could not load the demo network',
                    message: error.message,
                  }),
              })
            }
          >
            Load a demo network
          </Button>
        </Group>
      </EmptyState.Actions>
    </EmptyState>
  );
}
