import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { useUpdatesDue } from './queries';

/** F16: said on Today and on the Updates page once the last personal update is older than planned. */
export function UpdateDueHint({ withLink = false }: { withLink?: boolean }) {
  const due = useUpdatesDue();
  const d = due.data;
  if (!d?.due) return null;
  return (
    <Alert color="yellow" variant="light" title="An update is due" role="status">
      {d.lastSentAt
        ? `Your last update went out on ${formatDate(d.lastSentAt)}; you planned one every ${d.everyMonths} months.`
        : `You have not sent one yet; every ${d.everyMonths} months keeps people in the loop.`}
      {withLink && (
        <>
          {' '}
          <Anchor component={Link} to="/updates">
            Write one
          </Anchor>
        </>
      )}
    </Alert>
  );
}
