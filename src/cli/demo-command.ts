import type { Command } from 'commander';
import { DemoSummary } from '../contract/demo';
import type { Api } from './transport';
import { call } from './transport';

/** `tend demo`: fills an empty account with a demo network (the server refuses when contacts exist). */
export function demoCommand(program: Command, api: Api): void {
  program
    .command('demo')
    .description('fill an empty account with ~300 demo contacts to try Tend')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const s = await call(await api(), 'POST', '/api/v1/demo', DemoSummary);
      if (o.json) return console.log(JSON.stringify(s, null, 2));
      console.log(
        `Added ${s.contacts} demo contacts with ${s.interactions} interactions, ${s.notes} notes, ` +
          `${s.facts} facts, ${s.dates} dates, ${s.lifeEvents} life events and ${s.tasks} tasks.`,
      );
    });
}
