import { type Command, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { Contact } from '../contract/contacts';
import { Capacity, Health } from '../contract/health';
import { ActionResult, type DoneBody, Today } from '../contract/today';
import { CHANNELS, type Channel } from '../core/vocabulary';
import { resolveContactId } from './contact-ref';
import { terminalWidth } from './format';
import { atToIso, logBody } from './log-command';
import { actionLine, capacityText, healthDetails, todayTable } from './today-views';
import type { Api } from './transport';
import { call, query, type Transport } from './transport';

function queueSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

/** `--until`: a calendar date stays a date (the server reads it in the account's zone); a time gets an offset. */
export function untilValue(until: string, zone?: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(until) ? until : atToIso(until, zone);
}

interface DoneOptions {
  log?: boolean;
  channel?: Channel;
  direction: 'in' | 'out';
  summary?: string;
  json?: boolean;
}

/** The body of POST /today/:id/done: with `log` when --channel is given (--log and --summary need it). */
export function doneBody(o: DoneOptions): z.input<typeof DoneBody> {
  if (!o.channel) return {};
  return { log: logBody({ channel: o.channel, direction: o.direction, summary: o.summary }) };
}

async function contactName(t: Transport, id: string): Promise<string> {
  return (await call(t, 'GET', `/api/v1/contacts/${id}`, Contact)).displayName;
}

/** Runs one queue action on a contact and prints what it decided. */
async function act(
  api: Api,
  ref: string,
  action: 'done' | 'snooze' | 'skip',
  body: unknown,
  json: boolean | undefined,
): Promise<void> {
  const t = await api();
  const id = await resolveContactId(t, ref);
  const result = await call(t, 'POST', `/api/v1/today/${id}/${action}`, ActionResult, body);
  if (json) return console.log(JSON.stringify(result, null, 2));
  const verb = { done: 'Done with', snooze: 'Snoozed', skip: 'Skipped' }[action];
  console.log(actionLine(verb, await contactName(t, id), result));
}

/** `tend today`, `done`, `snooze`, `skip`, `health` and `capacity`: the daily queue from the terminal. */
export function todayCommand(program: Command, api: Api): void {
  program
    .command('today')
    .description("today's queue: who to reach out to, why, how and when")
    .option('--now <when>', 'what-if: the queue as it would be then (ISO date or date-time)')
    .option('--size <n>', 'how many (1-100; default your daily size)', queueSize)
    .option('--json', 'print the JSON response')
    .action(async (o: { now?: string; size?: number; json?: boolean }) => {
      const now = o.now === undefined ? undefined : atToIso(o.now);
      const today = await call(await api(), 'GET', `/api/v1/today${query({ now, size: o.size })}`, Today);
      console.log(o.json ? JSON.stringify(today, null, 2) : todayTable(today, terminalWidth()));
    });

  program
    .command('done')
    .description('mark a contact in the queue as done (optionally logging the interaction)')
    .argument('<id-or-name>', 'contact id, or a name that matches exactly one contact')
    .option('--log', 'also log the interaction (resets the cadence); needs --channel')
    .addOption(new Option('--channel <channel>', 'how you talked (implies --log)').choices(CHANNELS))
    .addOption(
      new Option('--direction <dir>', 'out = you reached out, in = they did')
        .choices(['in', 'out'])
        .default('out'),
    )
    .option('--summary <text>', 'what it was about (implies --log)')
    .option('--json', 'print the JSON response')
    .action(async (ref: string, o: DoneOptions, cmd: Command) => {
      if ((o.log || o.summary !== undefined) && !o.channel)
        return cmd.error('error: --log and --summary need --channel', { exitCode: 2 });
      await act(api, ref, 'done', doneBody(o), o.json);
    });

  program
    .command('snooze')
    .description('keep a contact out of the queue until a date')
    .argument('<id-or-name>', 'contact id, or a name that matches exactly one contact')
    .requiredOption('--until <date>', 'YYYY-MM-DD, or an ISO date-time')
    .option('--json', 'print the JSON response')
    .action(async (ref: string, o: { until: string; json?: boolean }) =>
      act(api, ref, 'snooze', { until: untilValue(o.until) }, o.json),
    );

  program
    .command('skip')
    .description('skip a contact for today')
    .argument('<id-or-name>', 'contact id, or a name that matches exactly one contact')
    .option('--json', 'print the JSON response')
    .action(async (ref: string, o: { json?: boolean }) => act(api, ref, 'skip', undefined, o.json));

  program
    .command('health')
    .description("a relationship's health: recency, reciprocity, responsiveness, depth")
    .argument('<id-or-name>', 'contact id, or a name that matches exactly one contact')
    .option('--json', 'print the JSON response')
    .action(async (ref: string, o: { json?: boolean }) => {
      const t = await api();
      const id = await resolveContactId(t, ref);
      const h = await call(t, 'GET', `/api/v1/contacts/${id}/health`, Health);
      console.log(o.json ? JSON.stringify(h, null, 2) : healthDetails(await contactName(t, id), h));
    });

  program
    .command('capacity')
    .description('touches a week your cadences ask for, against your weekly budget')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const c = await call(await api(), 'GET', '/api/v1/capacity', Capacity);
      console.log(o.json ? JSON.stringify(c, null, 2) : capacityText(c, terminalWidth()));
    });
}
