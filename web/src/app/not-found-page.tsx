import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState description="This page does not exist (or no longer does).">
      {/* The page's one h1, as on every other page. */}
      <EmptyState.Title order={1}>Page not found</EmptyState.Title>
      <EmptyState.Actions>
        <Button component={Link} to="/contacts" variant="light">
          Go to contacts
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
