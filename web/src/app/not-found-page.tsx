import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState title="Nothing here" description="This page does not exist (or no longer does).">
      <EmptyState.Actions>
        <Button component={Link} to="/contacts" variant="light">
          Go to contacts
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
