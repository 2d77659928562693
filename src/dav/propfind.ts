import type { Principal } from '../services/auth.service';
import type { Deps } from '../services/deps';
import { bookSeq, cardsAt, listBook } from '../services/sync/dav.service';
import { calendarObjects, calendarTag } from '../services/sync/dav-calendar.service';
import { DavPrecondition } from '../services/sync/dav-errors';
import { calendarHomeProps, calendarProps, objectHref, objectProps } from './calendar-props';
import { type DavResponse, multistatus, type PropName } from './multistatus';
import {
  bookHomePath,
  bookPath,
  calendarHomePath,
  calendarPath,
  type DavTarget,
  principalPath,
} from './paths';
import {
  ALLPROP,
  bookProps,
  cardHref,
  cardProps,
  homeProps,
  type PropSource,
  principalResourceProps,
  propstat,
  rootProps,
} from './props';
import { BadXml, child, DAV, parseXml } from './xml';

/** What a PROPFIND asks for (RFC 4918 §9.1): named properties, or all (an empty body means allprop). */
export function askedProps(body: string | undefined): { props: PropName[]; allprop: boolean } {
  if (!body?.trim()) return { props: ALLPROP, allprop: true };
  const root = parseXml(body);
  if (root.ns !== DAV || root.name !== 'propfind') throw new BadXml('expected a DAV:propfind element');
  const prop = child(root, DAV, 'prop');
  if (prop) return { props: prop.children.map((c) => ({ ns: c.ns, name: c.name })), allprop: false };
  if (child(root, DAV, 'allprop') || child(root, DAV, 'propname')) return { props: ALLPROP, allprop: true };
  throw new BadXml('DAV:propfind needs prop, allprop or propname');
}

/** Depth 0 or 1; an absent Depth means infinity (RFC 4918 §9.1), which we refuse like most servers do. */
export function depthOf(header: string | string[] | undefined): 0 | 1 {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase() ?? 'infinity';
  if (value === '0') return 0;
  if (value === '1') return 1;
  if (value === 'infinity')
    throw new DavPrecondition(
      'PROPFIND with Depth infinity is not supported; use Depth 0 or 1',
      'propfind-finite-depth',
    );
  throw new BadXml(`Depth must be 0, 1 or infinity, not '${value}'`);
}

/** A PROPFIND's multistatus for the target (and its members at Depth 1); null when the target is unknown. */
export async function propfind(
  deps: Deps,
  who: Principal & { name: string },
  target: DavTarget,
  depth: 0 | 1,
  body: string | undefined,
): Promise<string | null> {
  const { props, allprop } = askedProps(body);
  const res: DavResponse[] = [];
  const add = (href: string, source: PropSource) => res.push({ href, ...propstat(source, props, allprop) });
  const a = who.accountId;
  switch (target.kind) {
    case 'root':
      add(target.href ?? '/dav/', rootProps(a));
      if (depth === 1) add(principalPath(a), principalResourceProps(a, who.name));
      break;
    case 'principal':
      add(principalPath(a), principalResourceProps(a, who.name));
      break;
    case 'book-home':
      add(bookHomePath(a), homeProps(a));
      if (depth === 1) add(bookPath(a), bookProps(a, await bookSeq(deps, a)));
      break;
    case 'book': {
      if (depth === 0) {
        add(bookPath(a), bookProps(a, await bookSeq(deps, a)));
        break;
      }
      const { seq, cards } = await listBook(deps, a);
      add(bookPath(a), bookProps(a, seq));
      for (const card of cards) add(cardHref(a, card), cardProps(a, card));
      break;
    }
    case 'card': {
      const [card] = await cardsAt(deps, a, [target.name]);
      if (!card) return null;
      add(cardHref(a, card), cardProps(a, card));
      break;
    }
    case 'calendar-home':
      add(calendarHomePath(a), calendarHomeProps(a));
      if (depth === 1) add(calendarPath(a), calendarProps(a, calendarTag(await calendarObjects(deps, a))));
      break;
    case 'calendar': {
      const objects = await calendarObjects(deps, a);
      add(calendarPath(a), calendarProps(a, calendarTag(objects)));
      if (depth === 1) for (const o of objects) add(objectHref(a, o), objectProps(a, o));
      break;
    }
    case 'event': {
      const o = (await calendarObjects(deps, a)).find((x) => x.name === target.name);
      if (!o) return null;
      add(objectHref(a, o), objectProps(a, o));
      break;
    }
  }
  return multistatus(res);
}
