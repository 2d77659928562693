import type { Capacity } from '@contract/health';
import { Alert } from '@mantine/core';
import { humanize } from '../../lib/format';
import { useCapacity } from './queries';

const SHOWN_MOVES = 4;
type Cadence = Capacity['moves'][number]['from'];

function cadenceWords(c: Cadence): string {
  if (c.kind === 'custom') return `every ${c.every} ${c.unit}`;
  return c.kind === 'twice_yearly' ? 'twice-yearly' : humanize(c.kind).toLowerCase();
}

/** Said only when the cadences promise more touches a week than the budget allows (F3). */
export function CapacityHint() {
  const capacity = useCapacity();
  const c = capacity.data;
  if (!c?.over) return null;
  const moves = c.moves
    .slice(0, SHOWN_MOVES)
    .map((m) => `${m.name} (${cadenceWords(m.from)} → ${cadenceWords(m.to)})`);
  const rest = c.moves.length - moves.length;
  return (
    <Alert color="yellow" variant="light" title="More than you can keep up with">
      <span className="tend-wrap">
        Your cadences{c.holidayTouchesPerYear > 0 && ` and holidays (${c.holidayTouchesPerYear} a year)`}{' '}
        imply {Math.round(c.touchesPerWeek)} touches a week against a budget of {c.budget}
        {moves.length > 0 && (
          <>
            {' '}
            — slow these down: {moves.join(', ')}
            {rest > 0 && `, and ${rest} more`}.
          </>
        )}
      </span>
    </Alert>
  );
}
