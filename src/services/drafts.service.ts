import type { Draft, DraftCreate, DraftLintBody, LintIssue } from '../contract/drafts';
import type { Resource } from '../contract/resources';
import { deepLinks } from '../core/deep-links';
import { lintDraft } from '../core/draft-linter';
import { type DraftVariables, renderDraft } from '../core/draft-templates';
import { Invalid, NotFound } from '../core/errors';
import { holidayName } from '../core/holidays';
import { isOneOf } from '../core/one-of';
import { INTEREST_FACT_KINDS } from '../core/resource-match';
import type { Channel } from '../core/vocabulary';
import { type ContactRow, findContact, loadChildren } from '../store/contacts.repo';
import { listFacts } from '../store/facts.repo';
import { listInteractions } from '../store/interactions.repo';
import { listLifeEvents } from '../store/life-events.repo';
import type { Conn } from '../store/store';
import { getMe, type Principal } from './auth.service';
import { type Deps, nowIso } from './deps';
import { contactHoliday } from './holidays.service';
import { contactResources, getResource } from './resources.service';

const DAY = 86_400_000;
/** A life event this recent is news worth congratulating on (F14 "recent win"). */
const WIN_DAYS = 30;
const RECENT_INTERACTIONS = 5;

/** What Tend knows about a contact that a message could mention. */
interface ContactContext {
  contact: ContactRow;
  lastTopic: string;
  recentWin: string;
  pinnedFact: string;
  /** Everything a concrete message might refer to, for the linter. */
  anchors: string[];
}

// A summary is a note to self; its first clause is enough to name the topic.
function firstClause(summary: string): string {
  const clause = summary.split(/[.!?\n;]/)[0]?.trim() ?? '';
  return clause.length > 60 ? `${clause.slice(0, 57).trimEnd()}…` : clause;
}

async function contactContext(
  deps: Deps,
  db: Conn,
  accountId: string,
  contactId: string,
): Promise<ContactContext> {
  const contact = await findContact(db, accountId, contactId);
  if (!contact) throw new NotFound('contact not found');
  const nowMs = deps.clock().getTime();
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const winSince = new Date(nowMs - WIN_DAYS * DAY).toISOString().slice(0, 10);
  const [interactions, events, facts] = await Promise.all([
    listInteractions(db, accountId, contactId, RECENT_INTERACTIONS),
    listLifeEvents(db, accountId, contactId),
    listFacts(db, accountId, contactId),
  ]);
  const topics = interactions.flatMap((i) => i.topics);
  const latest = interactions[0];
  const latestTopics = latest?.topics ?? [];
  const lastTopic = latestTopics[0] ?? (latest ? firstClause(latest.summary) : '');
  const win = events.find((e) => e.occurred_on >= winSince && e.occurred_on <= today);
  const pinned = facts.filter((f) => f.pinned === 1);
  // An interest reads better in a sentence ("how is sailing going?") than a child's name.
  const interesting = (kind: string) => isOneOf(INTEREST_FACT_KINDS, kind);
  const pinnedFact = (pinned.find((f) => interesting(f.kind)) ?? pinned[0])?.value ?? '';
  return {
    contact,
    lastTopic,
    recentWin: win?.title ?? '',
    pinnedFact,
    anchors: [lastTopic, win?.title, ...topics, ...facts.map((f) => f.value), contact.company].filter(
      (a): a is string => !!a,
    ),
  };
}

/** share_resource without a choice: the best fitting resource this contact has not received. */
async function pickResource(deps: Deps, accountId: string, input: DraftCreate, contactId: string) {
  if (input.resourceId) {
    try {
      return await getResource(deps, accountId, input.resourceId);
    } catch (e) {
      if (e instanceof NotFound) throw new Invalid('no such resource', 'resourceId');
      throw e;
    }
  }
  if (input.occasion !== 'share_resource') return null;
  const fit = (await contactResources(deps, accountId, contactId)).find((m) => !m.shared);
  if (!fit) throw new Invalid('no resource in your library fits this contact yet: choose one', 'resourceId');
  return fit.resource;
}

/** F14: a personalised draft for an occasion, linted, with links that open it in the user's own app. */
export async function composeDraft(
  deps: Deps,
  who: Pick<Principal, 'accountId' | 'userId'>,
  contactId: string,
  input: DraftCreate,
): Promise<Draft> {
  const db = deps.store.read;
  const ctx = await contactContext(deps, db, who.accountId, contactId);
  const [resource, me, children, holiday] = await Promise.all([
    pickResource(deps, who.accountId, input, contactId),
    getMe(deps, who),
    loadChildren(db, who.accountId, [contactId]),
    input.occasion === 'holiday' ? contactHoliday(db, who.accountId, ctx.contact, nowIso(deps)) : null,
  ]);
  if (input.occasion === 'holiday' && !holiday)
    throw new Invalid('no holiday of their country in the next 30 days', 'occasion');
  const holidayWord = holiday ? holidayName(holiday) : '';
  const channel: Channel = input.channel ?? ctx.contact.preferred_channel ?? 'email';
  const variables: DraftVariables = {
    firstName: ctx.contact.first_name,
    lastTopic: ctx.lastTopic,
    recentWin: ctx.recentWin,
    resourceTitle: resource?.title ?? '',
    resourceUrl: resource?.url ?? '',
    pinnedFact: ctx.pinnedFact,
    myName: me.name,
    holidayName: holidayWord,
  };
  const draft = renderDraft(input.occasion, variables, channel);
  const c = children.get(contactId);
  const links = deepLinks(
    {
      email: c?.emails[0]?.value ?? null,
      phoneE164: c?.phones.find((p) => p.e164)?.e164 ?? null,
      linkedinUrl: c?.links.find((l) => l.kind === 'linkedin')?.url ?? null,
    },
    { ...(channel === 'email' && { subject: draft.subject }), body: draft.body },
  );
  return {
    occasion: input.occasion,
    templateId: draft.templateId,
    channel,
    subject: draft.subject,
    body: draft.body,
    lint: lintDraft(draft.body, channel, {
      firstName: variables.firstName,
      anchors: [...ctx.anchors, ...(resource ? anchorsOf(resource) : []), holidayWord],
    }),
    links,
    variables,
    resourceId: resource?.id ?? null,
  };
}

function anchorsOf(resource: Resource): string[] {
  return [resource.title, ...resource.tags];
}

/** F14: the linter on any text; with a contact, mentioning their news, topics or facts counts as a reason. */
export async function lintText(deps: Deps, accountId: string, input: DraftLintBody): Promise<LintIssue[]> {
  if (!input.contactId) return lintDraft(input.body, input.channel);
  const db = deps.store.read;
  if (!(await findContact(db, accountId, input.contactId))) throw new Invalid('no such contact', 'contactId');
  const ctx = await contactContext(deps, db, accountId, input.contactId);
  return lintDraft(input.body, input.channel, { firstName: ctx.contact.first_name, anchors: ctx.anchors });
}
