import { EmptyState, Title } from '@mantine/core';
import { IconToday } from '../../ui/icons';

/** Placeholder until the Today queue lands. */
export function TodayPage() {
  return (
    <>
      <Title order={2} mb="lg">
        Today
      </Title>
      <EmptyState
        icon={<IconToday size={28} />}
        withIndicatorBackground
        title="Your daily queue will appear here"
        description="Whom to reach out to, and why, ranked each morning."
      />
    </>
  );
}
