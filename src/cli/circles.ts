import { type Circle, CircleList } from '../contract/circles';
import { CliError, problemLine, replyOf, type Transport } from './transport';

/** The account's circles, or null when the server has no circles route (an older server). */
export async function fetchCircles(t: Transport): Promise<Circle[] | null> {
  const reply = await t.request('GET', '/api/v1/circles');
  if (reply.status === 404) return null;
  if (reply.status >= 400) throw new CliError(problemLine(reply));
  return replyOf(reply, CircleList, 'GET /api/v1/circles').items;
}

/** A circle given by id or by name (case-insensitive); an unknown name lists the circles there are. */
export function pickCircle(circles: Circle[], ref: string): Circle {
  const wanted = ref.trim().toLowerCase();
  const found =
    circles.find((c) => c.id === ref.trim()) ?? circles.find((c) => c.name.toLowerCase() === wanted);
  if (found) return found;
  const names = circles.map((c) => c.name).join(', ');
  throw new CliError(`no circle named '${ref}'${names ? ` (circles: ${names})` : ''}`);
}

/** Resolves `--circle`; without a circles route only ids work, and the API checks them. */
export async function resolveCircleId(
  t: Transport,
  ref: string | undefined,
): Promise<string | null | undefined> {
  if (ref === undefined) return undefined;
  if (ref.trim() === '') return null;
  const circles = await fetchCircles(t);
  return circles ? pickCircle(circles, ref).id : ref.trim();
}

/** id → name, for tables; empty when the server cannot list circles. */
export async function circleNames(t: Transport): Promise<Map<string, string>> {
  const circles = await fetchCircles(t);
  return new Map((circles ?? []).map((c) => [c.id, c.name]));
}
