import { type Command, Option } from 'commander';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { Contact } from '../contract/contacts';
import { Interaction, type InteractionCreate } from '../contract/interactions';
import { CHANNELS, type Channel } from '../core/vocabulary';
import { resolveContactId } from './contact-ref';
import { interactionDetails } from './contact-views';
import { formatDate } from './format';
import type { Api } from './transport';
import { call } from './transport';

interface LogOptions {
  channel: Channel;
  direction: 'in' | 'out' | 'inbound' | 'outbound';
  summary?: string;
  topic?: string[];
  at?: string;
  awaitingReply?: boolean;
  json?: boolean;
}

/** `--at` in the machine's zone when it has no offset ("2026-03-01", "2026-03-01T14:00"); as given otherwise. */
export function atToIso(at: string, zone = 'local'): string {
  const d = DateTime.fromISO(at, { zone, setZone: true });
  return d.isValid ? d.toISO()! : at;
}

/** The POST body for `tend log`. */
export function logBody(o: LogOptions, zone?: string): z.input<typeof InteractionCreate> {
  return {
    channel: o.channel,
    direction: o.direction === 'in' || o.direction === 'inbound' ? 'inbound' : 'outbound',
    ...(o.summary !== undefined && { summary: o.summary }),
    ...(o.topic && { topics: o.topic }),
    ...(o.at !== undefined && { occurredAt: atToIso(o.at, zone) }),
    ...(o.awaitingReply && { awaitingReply: true }),
  };
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** `tend log ID_OR_NAME --channel C --direction in|out …`: records an interaction. */
export function logCommand(program: Command, api: Api): void {
  program
    .command('log')
    .description('log an interaction with a contact')
    .argument('<id-or-name>', 'contact id, or a name that matches exactly one contact')
    .addOption(new Option('--channel <channel>', 'how you talked').choices(CHANNELS).makeOptionMandatory())
    .addOption(
      new Option('--direction <dir>', 'out = you reached out, in = they did')
        .choices(['in', 'out', 'inbound', 'outbound'])
        .makeOptionMandatory(),
    )
    .option('--summary <text>', 'what it was about')
    .option('--topic <topic>', 'topic (repeatable)', collect)
    .option('--at <when>', 'when (ISO date or date-time; default now)')
    .option('--awaiting-reply', 'you are waiting for their answer')
    .option('--json', 'print the JSON response')
    .action(async (ref: string, o: LogOptions) => {
      const t = await api();
      const id = await resolveContactId(t, ref);
      const i = await call(t, 'POST', `/api/v1/contacts/${id}/interactions`, Interaction, logBody(o));
      if (o.json) return console.log(JSON.stringify(i, null, 2));
      const c = await call(t, 'GET', `/api/v1/contacts/${id}`, Contact);
      const who = `${i.direction === 'outbound' ? 'to' : 'from'} ${c.displayName}`;
      const details = interactionDetails(i);
      console.log(
        `Logged ${i.channel} ${who} on ${formatDate(i.occurredAt)}${details ? `: ${details}` : ''}`,
      );
      console.log(`Next due: ${c.tracked ? formatDate(c.nextDueAt) : 'not tracked'}`);
    });
}
