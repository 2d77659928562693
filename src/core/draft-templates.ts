import type { Channel } from './vocabulary';

export const DRAFT_OCCASIONS = [
  'congratulate',
  'follow_up_after_meeting',
  'share_resource',
  'birthday',
  'reconnect',
  'catch_up_invite',
  'update',
  'holiday',
] as const;
export type DraftOccasion = (typeof DRAFT_OCCASIONS)[number];

export const DRAFT_VARIABLES = [
  'firstName',
  'lastTopic',
  'recentWin',
  'resourceTitle',
  'resourceUrl',
  'pinnedFact',
  'myName',
  'holidayName',
] as const;
export type DraftVariable = (typeof DRAFT_VARIABLES)[number];
/** Values for a draft; an empty string means "unknown", and templates that need it are skipped. */
export type DraftVariables = Record<DraftVariable, string>;

export interface DraftTemplate {
  id: string;
  occasion: DraftOccasion;
  subject: string;
  body: string;
}

const t = (occasion: DraftOccasion, n: number, subject: string, body: string): DraftTemplate => ({
  id: `${occasion}.${n}`,
  occasion,
  subject,
  body,
});

// Every occasion ends with a template that needs no variable, so a draft always exists; the
// others say something specific, which is the point of F14 ("value-driven", never "just checking in").
export const DRAFT_TEMPLATES: readonly DraftTemplate[] = [
  t(
    'congratulate',
    1,
    'Congratulations!',
    'Hi {{firstName}},\n\nI just saw the news: {{recentWin}}. Congratulations, that is well deserved!\n\nIf there is anything I can do to help with the next step, tell me.\n\n{{myName}}',
  ),
  t(
    'congratulate',
    2,
    'Well done, {{firstName}}',
    'Hi {{firstName}},\n\nCongratulations on {{recentWin}}! I remember you mentioning {{lastTopic}}, so I know how much work went into it.\n\nCheers,\n{{myName}}',
  ),
  t(
    'congratulate',
    3,
    'Congratulations!',
    'Hi,\n\nI heard your news and wanted to say congratulations. Well deserved!\n\nBest',
  ),
  t(
    'follow_up_after_meeting',
    1,
    'Great talking about {{lastTopic}}',
    'Hi {{firstName}},\n\nThanks for the time today. I keep thinking about what you said on {{lastTopic}}.\n\nAs promised, here is the link I mentioned: {{resourceUrl}}\n\nBest,\n{{myName}}',
  ),
  t(
    'follow_up_after_meeting',
    2,
    'Thanks, {{firstName}}',
    'Hi {{firstName}},\n\nThank you for the conversation about {{lastTopic}}. I wrote down my takeaways and will follow up on the next step this week.\n\nBest,\n{{myName}}',
  ),
  t(
    'follow_up_after_meeting',
    3,
    'Thank you',
    'Hi,\n\nThank you for meeting today. I will follow up on what we discussed this week.\n\nBest',
  ),
  t(
    'share_resource',
    1,
    'Saw this and thought of you',
    'Hi {{firstName}},\n\nI read "{{resourceTitle}}" and thought of you, given {{pinnedFact}}: {{resourceUrl}}\n\nNo need to reply; I hope it is useful.\n\n{{myName}}',
  ),
  t(
    'share_resource',
    2,
    '{{resourceTitle}}',
    'Hi {{firstName}},\n\nSince we last talked about {{lastTopic}}, I came across "{{resourceTitle}}": {{resourceUrl}}\n\nI would be curious what you make of it.\n\n{{myName}}',
  ),
  t(
    'share_resource',
    3,
    'Saw this and thought of you',
    'Hi {{firstName}},\n\nI saw "{{resourceTitle}}" and thought of you: {{resourceUrl}}\n\n{{myName}}',
  ),
  t(
    'share_resource',
    4,
    'Saw this and thought of you',
    'Hi {{firstName}},\n\nI saw "{{resourceTitle}}" and thought of you.\n\n{{myName}}',
  ),
  t(
    'share_resource',
    5,
    'Saw this and thought of you',
    'Hi,\n\nI read something this week that made me think of you, and I will send it over.\n\nBest',
  ),
  t(
    'birthday',
    1,
    'Happy birthday, {{firstName}}!',
    'Happy birthday, {{firstName}}! I hope the year brings plenty of {{pinnedFact}}.\n\n{{myName}}',
  ),
  t(
    'birthday',
    2,
    'Happy birthday, {{firstName}}!',
    'Happy birthday, {{firstName}}! Congrats again on {{recentWin}}; here is to an even better year.\n\n{{myName}}',
  ),
  t(
    'birthday',
    3,
    'Happy birthday, {{firstName}}!',
    'Happy birthday, {{firstName}}! I hope you have a great day.\n\n{{myName}}',
  ),
  t('birthday', 4, 'Happy birthday!', 'Happy birthday! I hope you have a great day.'),
  t(
    'reconnect',
    1,
    'Thinking of our talk about {{lastTopic}}',
    'Hi {{firstName}},\n\nI was thinking about our conversation on {{lastTopic}} and wondered where it ended up. How is {{pinnedFact}} going?\n\n{{myName}}',
  ),
  t(
    'reconnect',
    2,
    'Saw this and thought of you',
    'Hi {{firstName}},\n\nI came across "{{resourceTitle}}" ({{resourceUrl}}) and it reminded me of you. What are you working on these days?\n\n{{myName}}',
  ),
  t(
    'reconnect',
    3,
    'Picking up on {{lastTopic}}',
    'Hi {{firstName}},\n\nI was reminded of what you told me about {{lastTopic}}. Is that still on your plate?\n\n{{myName}}',
  ),
  t(
    'reconnect',
    4,
    'Hello from {{myName}}',
    'Hi {{firstName}},\n\nI noticed it has been a few months since we spoke, and I would like to hear what you are up to. Would a 15-minute call next week work?\n\n{{myName}}',
  ),
  t(
    'reconnect',
    5,
    'Hello',
    'Hi,\n\nI noticed it has been a few months since we spoke. Would a 15-minute call next week work?',
  ),
  t(
    'catch_up_invite',
    1,
    'Coffee to talk {{lastTopic}}?',
    'Hi {{firstName}},\n\nI would love to hear how {{lastTopic}} is going. Would a 15-minute virtual coffee next week work for you?\n\n{{myName}}',
  ),
  t(
    'catch_up_invite',
    2,
    'Catch up, {{firstName}}?',
    'Hi {{firstName}},\n\nWould you be up for a 15-minute coffee or a walk in the next two weeks? I would like to hear about {{pinnedFact}}.\n\n{{myName}}',
  ),
  t(
    'catch_up_invite',
    3,
    'Catch up?',
    'Hi {{firstName}},\n\nWould you be up for a 15-minute coffee or a call in the next two weeks?\n\n{{myName}}',
  ),
  t(
    'catch_up_invite',
    4,
    'Catch up?',
    'Hi,\n\nWould you be up for a 15-minute coffee or a call in the next two weeks?',
  ),
  t(
    'update',
    1,
    'A quick update from {{myName}}',
    'Hi {{firstName}},\n\nA short update since we talked about {{lastTopic}}: [what changed for you]. I would love to hear your news too.\n\n{{myName}}',
  ),
  t(
    'update',
    2,
    'A quick update',
    'Hi {{firstName}},\n\nA short update from my side: [what changed for you]. Is there anything I can help with on your end?\n\n{{myName}}',
  ),
  t(
    'update',
    3,
    'A quick update',
    'Hi,\n\nA short update from my side: [what changed for you]. I would love to hear your news too.',
  ),
  // F9: a greeting for their holiday says why now (the day itself) and something of them, never a bare "season's greetings".
  t(
    'holiday',
    1,
    'Happy {{holidayName}}, {{firstName}}',
    'Hi {{firstName}},\n\nWishing you a happy {{holidayName}}! I hope the days around it leave room for {{pinnedFact}}, and for the people close to you.\n\nWarm wishes,\n{{myName}}',
  ),
  t(
    'holiday',
    2,
    'Happy {{holidayName}}, {{firstName}}',
    'Hi {{firstName}},\n\nHappy {{holidayName}}! I hope it brings a real pause after all the work on {{lastTopic}}. When things pick up again, I would love to hear where it stands.\n\nWarm wishes,\n{{myName}}',
  ),
  t(
    'holiday',
    3,
    'Happy {{holidayName}}, {{firstName}}',
    'Hi {{firstName}},\n\nHappy {{holidayName}}! I hope you and your family have a wonderful celebration and some well-earned rest.\n\nWarm wishes,\n{{myName}}',
  ),
  t(
    'holiday',
    4,
    'Happy {{holidayName}}',
    'Hi,\n\nHappy {{holidayName}}! I hope you have a wonderful celebration with the people close to you.\n\nWarm wishes',
  ),
  t(
    'holiday',
    5,
    'Warm wishes',
    'Hi,\n\nWarm wishes for the holiday: I hope it brings a good rest and time with the people close to you.\n\nBest',
  ),
];

const VAR = /\{\{(\w+)\}\}/g;
const KNOWN = new Set<string>(DRAFT_VARIABLES);
const isDraftVariable = (name: string | undefined): name is DraftVariable =>
  name !== undefined && KNOWN.has(name);

/** The variables a template uses, in order of first use. */
export function templateVariables(template: Pick<DraftTemplate, 'subject' | 'body'>): DraftVariable[] {
  const names = [...`${template.subject}\n${template.body}`.matchAll(VAR)]
    .map((m) => m[1])
    .filter(isDraftVariable);
  return [...new Set(names)];
}

// Channels that show one paragraph: line breaks become spaces there.
const ONE_LINE: ReadonlySet<Channel> = new Set(['text', 'linkedin', 'social_dm']);

/** A variable's value as plain text on one line: control characters out, whitespace collapsed; nothing else touched. */
export function cleanValue(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

// FNV-1a: a stable, dependency-free hash, so the same contact and context always get the same template.
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Fills `{{name}}` in one pass, so a value containing "{{…}}" is never expanded again. */
function fill(text: string, vars: DraftVariables): string {
  return text.replace(VAR, (whole, name: string) => (isDraftVariable(name) ? vars[name] : whole));
}

export interface RenderedDraft {
  templateId: string;
  subject: string;
  body: string;
}

/**
 * F14: the draft for an occasion. Among templates whose variables are all known, the most
 * personal (most variables) win; a hash of the context picks among equals, so the choice is
 * deterministic. Output is plain text; the body keeps its line breaks only on e-mail-like channels.
 */
export function renderDraft(occasion: DraftOccasion, raw: DraftVariables, channel: Channel): RenderedDraft {
  const clean = (k: DraftVariable) => cleanValue(raw[k] ?? '');
  const vars: DraftVariables = {
    firstName: clean('firstName'),
    lastTopic: clean('lastTopic'),
    recentWin: clean('recentWin'),
    resourceTitle: clean('resourceTitle'),
    resourceUrl: clean('resourceUrl'),
    pinnedFact: clean('pinnedFact'),
    myName: clean('myName'),
    holidayName: clean('holidayName'),
  };
  const usable = DRAFT_TEMPLATES.filter(
    (tpl) => tpl.occasion === occasion && templateVariables(tpl).every((v) => vars[v] !== ''),
  );
  const most = Math.max(...usable.map((tpl) => templateVariables(tpl).length));
  const best = usable.filter((tpl) => templateVariables(tpl).length === most);
  const chosen = best[fnv1a(DRAFT_VARIABLES.map((k) => vars[k]).join('\u0000')) % best.length];
  if (!chosen) throw new Error(`no template for ${occasion}`);
  const body = fill(chosen.body, vars);
  return {
    templateId: chosen.id,
    subject: cleanValue(fill(chosen.subject, vars)),
    body: ONE_LINE.has(channel) ? cleanValue(body) : body,
  };
}
