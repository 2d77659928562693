import type { Capacity, Health } from '../contract/health';
import type { ActionResult, Today, TodayItem } from '../contract/today';
import { formatDate, renderDetails, renderTable } from './format';

const COLUMNS = [
  { header: '#', min: 2 },
  { header: 'NAME', min: 14 },
  { header: 'COMPANY', min: 6 },
  { header: 'CHANNEL', min: 7 },
  { header: 'SEND WINDOW', min: 11 },
  { header: 'WHY', min: 30, wrap: true },
];

/** The headline first, then every other reason in its own words (one a line), without repeating the headline. */
export function whyText(item: TodayItem): string {
  const others = item.reasons.map((r) => r.text).filter((t) => t && t !== item.headline);
  return [item.headline, ...new Set(others)].join('\n');
}

/** `tend today`: the ranked queue as a table, then how many more are waiting. */
export function todayTable(today: Today, width: number): string {
  if (today.items.length === 0) return 'Nobody is due today.';
  const rows = today.items.map((item, i) => [
    String(i + 1),
    item.name,
    item.company ?? '',
    item.channel.replaceAll('_', ' '),
    item.sendWindow?.label ?? 'any time',
    whyText(item),
  ]);
  const table = renderTable(COLUMNS, rows, width);
  return today.moreCount > 0 ? `${table}\n\nand ${today.moreCount} more` : table;
}

/** One line for done/snooze/skip: what was decided and until when. */
export function actionLine(verb: string, name: string, result: ActionResult, zone?: string): string {
  const until = result.decision ? ` until ${formatDate(result.decision.until, zone)}` : '';
  const extras = [
    result.loggedInteractionId ? 'logged the interaction' : '',
    result.tasksDone ? `closed ${result.tasksDone} task${result.tasksDone === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${verb} ${name}${until}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** `tend health`: the score, its four parts and whether the relationship is one-sided. */
export function healthDetails(name: string, h: Health): string {
  const p = h.parts;
  const lines = renderDetails([
    ['Contact', name],
    ['Health', `${h.score}/100`],
    ['Recency', String(Math.round(p.recency))],
    ['Reciprocity', String(Math.round(p.reciprocity))],
    ['Responsiveness', String(Math.round(p.responsiveness))],
    ['Depth', String(Math.round(p.depth))],
    ['You initiated', pct(h.oneSided.initiatedShare)],
    ['Unanswered', String(h.oneSided.unanswered)],
  ]);
  const words = [h.explanation, h.oneSided.flagged ? h.oneSided.sentence : null].filter(Boolean);
  return words.length ? `${lines}\n\n${words.join('\n')}` : lines;
}

type Cadence = Capacity['moves'][number]['from'];
/** `quarterly`, `twice yearly`, `every 3 weeks`. */
export const cadenceText = (c: Cadence): string =>
  c.kind === 'custom' ? `every ${c.every} ${c.unit}` : c.kind.replaceAll('_', ' ');

const perWeek = (n: number) => `${Number(n.toFixed(2))}/week`;
const MOVES_SHOWN = 15;

/** `tend capacity`: touches a week against the budget, and the cadence moves that would fit it. */
export function capacityText(c: Capacity, width: number): string {
  // Holidays chosen in Settings are part of the plan: say what they add.
  const holidays = c.holidayTouchesPerYear > 0 ? ` (holidays add ${c.holidayTouchesPerYear} a year)` : '';
  const head = `Your cadences ask for ${perWeek(c.touchesPerWeek)}${holidays}; your budget is ${perWeek(c.budget)}.`;
  if (!c.over) return `${head}\nWithin budget.`;
  if (c.moves.length === 0) return `${head}\nOver budget, and no cadence can be slowed.`;
  const rows = c.moves
    .slice(0, MOVES_SHOWN)
    .map((m) => [m.name, cadenceText(m.from), cadenceText(m.to), perWeek(m.savedPerWeek)]);
  const table = renderTable(
    [{ header: 'NAME', min: 14 }, { header: 'FROM' }, { header: 'TO' }, { header: 'SAVES' }],
    rows,
    width,
  );
  const rest = c.moves.length - MOVES_SHOWN;
  const more = rest > 0 ? `\n\nand ${rest} more (--json for all)` : '';
  return `${head}\nOver budget. Slowing these would bring it to ${perWeek(c.afterMoves)}:\n\n${table}${more}`;
}
