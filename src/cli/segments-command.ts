import { type Command, InvalidArgumentError } from 'commander';
import type { ContactFilter } from '../contract/contacts';
import { Segment, SegmentList } from '../contract/segments';
import { CADENCE_KINDS, type CadenceKind } from '../core/vocabulary';
import { circleNames, resolveCircleId } from './circles';
import { type Api, CliError, call, send, type Transport } from './transport';

interface AddOptions {
  circle?: string;
  tag?: string;
  company?: string;
  industry?: string;
  city?: string;
  country?: string;
  cadence?: CadenceKind;
  contactedBefore?: string;
  contactedAfter?: string;
  json?: boolean;
}

function cadenceKind(value: string): CadenceKind {
  const kind = CADENCE_KINDS.find((k) => k === value);
  if (!kind) throw new InvalidArgumentError(`must be one of ${CADENCE_KINDS.join(', ')}`);
  return kind;
}

/** "circle Mentors, tag coffee": a saved filter in words, for the list. */
export function filterText(filter: ContactFilter, circles: Map<string, string>): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => (k === 'circleId' ? `circle ${circles.get(String(v)) ?? v}` : `${k} ${String(v)}`));
  return parts.length ? parts.join(', ') : 'everyone';
}

async function segmentByRef(t: Transport, ref: string): Promise<Segment> {
  const { items } = await call(t, 'GET', '/api/v1/segments', SegmentList);
  const wanted = ref.trim().toLowerCase();
  const found = items.find((s) => s.id === ref.trim()) ?? items.find((s) => s.name.toLowerCase() === wanted);
  if (found) return found;
  throw new CliError(
    `no segment named '${ref}'${items.length ? ` (segments: ${items.map((s) => s.name).join(', ')})` : ''}`,
  );
}

/** `tend segments …`: list, add and remove saved contact filters (F2), usable in updates. */
export function segmentsCommand(program: Command, api: Api): void {
  const segments = program.command('segments').description('list, add and remove saved segments');

  segments
    .command('list')
    .description('saved segments and their filters')
    .option('--json', 'print the JSON response')
    .action(async (o: { json?: boolean }) => {
      const t = await api();
      const list = await call(t, 'GET', '/api/v1/segments', SegmentList);
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.items.length === 0) return console.log('No segments yet: tend segments add NAME --tag …');
      const circles = await circleNames(t);
      for (const s of list.items) console.log(`${s.name}\t${filterText(s.filter, circles)}\t${s.id}`);
    });

  segments
    .command('add')
    .description('save a contact filter under a name')
    .argument('<name>', 'what to call it, e.g. "Coffee people"')
    .option('--circle <name-or-id>', 'contacts in this circle')
    .option('--tag <tag>', 'contacts with this tag')
    .option('--company <name>', 'at this company')
    .option('--industry <name>', 'in this industry')
    .option('--city <city>', 'in this city')
    .option('--country <country>', 'in this country')
    .option('--cadence <kind>', `with this cadence (${CADENCE_KINDS.join(', ')})`, cadenceKind)
    .option('--contacted-before <iso>', 'last contact before this time (or never)')
    .option('--contacted-after <iso>', 'last contact at or after this time')
    .option('--json', 'print the JSON response')
    .action(async (name: string, o: AddOptions) => {
      const t = await api();
      const circleId = (await resolveCircleId(t, o.circle)) ?? undefined;
      const filter = Object.fromEntries(
        Object.entries({
          circleId,
          tag: o.tag,
          company: o.company,
          industry: o.industry,
          city: o.city,
          country: o.country,
          cadence: o.cadence,
          lastContactBefore: o.contactedBefore,
          lastContactAfter: o.contactedAfter,
        }).filter(([, v]) => v !== undefined),
      );
      const s = await call(t, 'POST', '/api/v1/segments', Segment, { name, filter });
      console.log(o.json ? JSON.stringify(s, null, 2) : `Saved segment ${s.name} (${s.id})`);
    });

  segments
    .command('rm')
    .description('delete a saved segment (its contacts stay)')
    .argument('<name-or-id>', 'segment id, or its name')
    .action(async (ref: string) => {
      const t = await api();
      const s = await segmentByRef(t, ref);
      await send(t, 'DELETE', `/api/v1/segments/${encodeURIComponent(s.id)}`);
      console.log(`Deleted segment ${s.name}`);
    });
}
