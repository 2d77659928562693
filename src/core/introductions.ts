import { type DeepLinks, deepLinks } from './deep-links';
import { Conflict } from './errors';

/** F12 double opt-in: A is asked first, B only once A agreed, and nobody is introduced without both yeses. */
export const INTRODUCTION_STAGES = [
  'proposed',
  'asked_a',
  'a_agreed',
  'asked_b',
  'b_agreed',
  'intro_sent',
  'outcome',
  'declined',
] as const;
export type IntroductionStage = (typeof INTRODUCTION_STAGES)[number];

export const INTRODUCTION_ACTIONS = [
  'asked_a',
  'a_agreed',
  'asked_b',
  'b_agreed',
  'intro_sent',
  'declined',
  'succeeded',
  'fizzled',
] as const;
export type IntroductionAction = (typeof INTRODUCTION_ACTIONS)[number];

export const INTRODUCTION_OUTCOMES = ['succeeded', 'fizzled', 'declined_by_a', 'declined_by_b'] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];

export interface IntroductionStep {
  action: IntroductionAction;
  at: string;
  note: string | null;
}
export interface IntroductionState {
  stage: IntroductionStage;
  stageAt: string;
  outcome: IntroductionOutcome | null;
  history: IntroductionStep[];
}

// Declining is only possible while someone is being asked: that person is the one who says no.
const MOVES: Record<IntroductionStage, readonly IntroductionAction[]> = {
  proposed: ['asked_a'],
  asked_a: ['a_agreed', 'declined'],
  a_agreed: ['asked_b'],
  asked_b: ['b_agreed', 'declined'],
  b_agreed: ['intro_sent'],
  intro_sent: ['succeeded', 'fizzled'],
  outcome: [],
  declined: [],
};

/** The actions allowed from `stage`; empty once the introduction has ended. */
export function nextStages(stage: IntroductionStage): readonly IntroductionAction[] {
  return MOVES[stage];
}

export function isOpen(stage: IntroductionStage): boolean {
  return MOVES[stage].length > 0;
}

/** An action that the current stage does not allow (HTTP 409: the request is fine, the moment is not). */
export class IllegalIntroductionMove extends Conflict {
  constructor(
    readonly from: IntroductionStage,
    readonly action: IntroductionAction,
  ) {
    const allowed = MOVES[from];
    super(
      allowed.length === 0
        ? `the introduction has ended (${from}); no further steps`
        : `cannot ${action} while ${from}; next: ${allowed.join(' or ')}`,
      'action',
    );
  }
}

/** Applies one action at `now`; throws IllegalIntroductionMove when the stage does not allow it. */
export function advance(
  intro: IntroductionState,
  action: IntroductionAction,
  now: string,
  note: string | null = null,
): IntroductionState {
  if (!MOVES[intro.stage].includes(action)) throw new IllegalIntroductionMove(intro.stage, action);
  const history = [...intro.history, { action, at: now, note }];
  if (action === 'succeeded' || action === 'fizzled')
    return { stage: 'outcome', stageAt: now, outcome: action, history };
  if (action === 'declined') {
    const outcome = intro.stage === 'asked_a' ? 'declined_by_a' : 'declined_by_b';
    return { stage: 'declined', stageAt: now, outcome, history };
  }
  return { stage: action, stageAt: now, outcome: null, history };
}

/** What a draft needs to know about each side: a first name and where a message can be opened. */
export interface IntroPerson {
  firstName: string;
  email?: string | null;
  phoneE164?: string | null;
  linkedinUrl?: string | null;
}
export type IntroSide = 'a' | 'b';
export type DraftStep = 'ask_a' | 'ask_b' | 'intro' | 'decline_close';
export interface IntroMessage {
  to: IntroSide[];
  subject: string;
  body: string;
  /** Opened for the first recipient; the e-mail link copies in the second (cc) for the intro itself. */
  links: DeepLinks;
}
export interface IntroDraft {
  step: DraftStep;
  messages: IntroMessage[];
}

// Words a reason often starts with that read wrong capitalised after "because" ("because Both care").
const SENTENCE_STARTS = new Set([
  'Both',
  'They',
  'Their',
  'You',
  'Your',
  'Each',
  'We',
  'It',
  'The',
  'She',
  'He',
]);

/** The reason as the end of a "because …" sentence: a common first word in lower case, a full stop. */
function withPeriod(reason: string): string {
  const r = reason.trim();
  const first = r.split(/\s/, 1)[0] ?? '';
  const lowered = SENTENCE_STARTS.has(first) ? first.toLowerCase() + r.slice(first.length) : r;
  return /[.!?]$/.test(lowered) ? lowered : `${lowered}.`;
}

function message(
  people: Record<IntroSide, IntroPerson>,
  to: IntroSide[],
  subject: string,
  body: string,
): IntroMessage {
  const first = people[to[0] ?? 'a'];
  const links = deepLinks(first, { subject, body });
  const cc = to[1] ? people[to[1]].email : null;
  // RFC 6068 hfields: the intro is one e-mail to both, so the other side rides along in cc.
  if (links.mailto && cc && /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(cc))
    links.mailto = `${links.mailto}&cc=${encodeURIComponent(cc).replace(/%40/g, '@')}`;
  return { to, subject, body, links };
}

/** The message(s) the user sends next at this stage; null while waiting for an answer or once it has ended well. */
export function introDraft(
  intro: Pick<IntroductionState, 'stage' | 'outcome'>,
  people: Record<IntroSide, IntroPerson>,
  reason: string,
  myName = '',
): IntroDraft | null {
  const best = myName.trim() ? `Best,\n${myName.trim()}` : 'Best,';
  const a = people.a.firstName;
  const b = people.b.firstName;
  const why = withPeriod(reason);
  switch (intro.stage) {
    case 'proposed':
      return {
        step: 'ask_a',
        messages: [
          message(
            people,
            ['a'],
            `Intro to ${b}?`,
            `Hi ${a},\n\nWould you like an intro to ${b}? I thought of you both because ${why}\n\n` +
              `If you are up for it, I will check with ${b} too and only connect you if you both say yes. ` +
              `No pressure either way.\n\n${best}`,
          ),
        ],
      };
    case 'a_agreed':
      return {
        step: 'ask_b',
        messages: [
          message(
            people,
            ['b'],
            `Intro to ${a}?`,
            `Hi ${b},\n\nWould you like an intro to ${a}? I think you two should meet because ${why}\n\n` +
              `${a} would be glad to connect. Happy either way: just let me know.\n\n${best}`,
          ),
        ],
      };
    case 'b_agreed':
      return {
        step: 'intro',
        messages: [
          message(
            people,
            ['a', 'b'],
            `Introduction: ${a} \u2194 ${b}`,
            `Hi ${a} and ${b},\n\nAs promised, meet each other! I am introducing you because ${why}\n\n` +
              `${a}, ${b} is glad to connect; ${b}, so is ${a}. I will let you take it from here.\n\n${best}`,
          ),
        ],
      };
    case 'declined':
      return {
        step: 'decline_close',
        messages:
          intro.outcome === 'declined_by_a'
            ? [
                message(
                  people,
                  ['a'],
                  `Re: Intro to ${b}?`,
                  `Hi ${a},\n\nNo problem at all, thanks for letting me know. ` +
                    `I will not pass anything on to ${b}.\n\n${best}`,
                ),
              ]
            : [
                message(
                  people,
                  ['b'],
                  `Re: Intro to ${a}?`,
                  `Hi ${b},\n\nNo problem at all, thanks for the quick answer.\n\n${best}`,
                ),
                message(
                  people,
                  ['a'],
                  `Re: Intro to ${b}?`,
                  `Hi ${a},\n\nI checked with ${b} and the timing is not right for them just now, ` +
                    `so I will leave it there. Thank you for being open to it.\n\n${best}`,
                ),
              ],
      };
    default:
      return null;
  }
}

const DAY = 86_400_000;
/** How long each stage may wait before it becomes a Today item; documented in docs/ledger.md. */
export const STALE_AFTER_DAYS: Partial<Record<IntroductionStage, number>> = {
  asked_a: 5,
  asked_b: 5,
  a_agreed: 2,
  b_agreed: 2,
  intro_sent: 30,
};

export interface StaleIntroduction {
  /** Whom the user should contact next. */
  side: IntroSide;
  daysWaiting: number;
  detail: string;
}

const ago = (days: number) => (days === 1 ? '1 day ago' : `${days} days ago`);

/** A step left waiting too long (older than STALE_AFTER_DAYS), as a Today detail; null if on time or ended. */
export function staleIntroduction(
  intro: Pick<IntroductionState, 'stage' | 'stageAt'>,
  names: Record<IntroSide, string>,
  now: string,
): StaleIntroduction | null {
  const limit = STALE_AFTER_DAYS[intro.stage];
  const waited = Date.parse(now) - Date.parse(intro.stageAt);
  if (limit === undefined || waited <= limit * DAY) return null;
  const days = Math.floor(waited / DAY);
  const head = `Intro ${names.a} \u2194 ${names.b}`;
  const next: Partial<Record<IntroductionStage, [IntroSide, string]>> = {
    asked_a: ['a', `asked ${names.a} ${ago(days)}, no answer yet: nudge ${names.a} or let it go`],
    a_agreed: ['b', `${names.a} agreed ${ago(days)} \u2014 now ask ${names.b}`],
    asked_b: ['b', `asked ${names.b} ${ago(days)}, no answer yet: nudge ${names.b} or let it go`],
    b_agreed: ['a', `${names.b} agreed ${ago(days)} \u2014 now send the intro`],
    intro_sent: ['a', `intro sent ${ago(days)} \u2014 did it work out? Record the outcome`],
  };
  const [side, text] = next[intro.stage] ?? ['a', ''];
  return { side, daysWaiting: days, detail: `${head}: ${text}` };
}
