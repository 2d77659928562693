import { describe, expect, it } from 'vitest';
import {
  advance,
  IllegalIntroductionMove,
  INTRODUCTION_ACTIONS,
  INTRODUCTION_STAGES,
  type IntroductionState,
  introDraft,
  isOpen,
  nextStages,
  staleIntroduction,
} from './introductions';

const start: IntroductionState = {
  stage: 'proposed',
  stageAt: '2026-03-01T09:00:00.000Z',
  outcome: null,
  history: [],
};
const people = {
  a: { firstName: 'Sam', email: 'sam@example.com', phoneE164: '+14155550100' },
  b: { firstName: 'Priya', email: 'priya@example.com' },
};
const reason = 'you both run climate fintech teams';

function walk(...actions: (typeof INTRODUCTION_ACTIONS)[number][]): IntroductionState {
  return actions.reduce((s, a, i) => advance(s, a, `2026-03-0${i + 2}T09:00:00.000Z`), start);
}

describe('introduction state machine', () => {
  it('goes proposed → asked A → A agreed → asked B → B agreed → intro sent → outcome, keeping history', () => {
    const done = walk('asked_a', 'a_agreed', 'asked_b', 'b_agreed', 'intro_sent', 'succeeded');
    expect(done).toMatchObject({
      stage: 'outcome',
      outcome: 'succeeded',
      stageAt: '2026-03-07T09:00:00.000Z',
    });
    expect(done.history.map((h) => h.action)).toEqual([
      'asked_a',
      'a_agreed',
      'asked_b',
      'b_agreed',
      'intro_sent',
      'succeeded',
    ]);
    expect(isOpen(done.stage)).toBe(false);
  });

  it('refuses every move the stage does not allow, with a typed error naming the next steps', () => {
    let illegal = 0;
    for (const stage of INTRODUCTION_STAGES)
      for (const action of INTRODUCTION_ACTIONS) {
        const state = { ...start, stage };
        if (nextStages(stage).includes(action))
          expect(() => advance(state, action, start.stageAt)).not.toThrow();
        else {
          illegal++;
          expect(() => advance(state, action, start.stageAt)).toThrow(IllegalIntroductionMove);
        }
      }
    expect(illegal).toBeGreaterThan(50);
    // B is never asked before A has agreed: the double opt-in.
    expect(() => walk('asked_a', 'asked_b')).toThrow(
      /cannot asked_b while asked_a; next: a_agreed or declined/,
    );
    expect(() => walk('intro_sent')).toThrow(IllegalIntroductionMove);
  });

  it('ends politely on a decline by A or by B, and nothing follows', () => {
    const byA = walk('asked_a', 'declined');
    expect(byA).toMatchObject({ stage: 'declined', outcome: 'declined_by_a' });
    const byB = walk('asked_a', 'a_agreed', 'asked_b', 'declined');
    expect(byB).toMatchObject({ stage: 'declined', outcome: 'declined_by_b' });
    expect(nextStages('declined')).toEqual([]);
    expect(() => advance(byB, 'intro_sent', start.stageAt)).toThrow(/has ended/);
    const closeA = introDraft(byA, people, reason);
    expect(closeA?.step).toBe('decline_close');
    expect(closeA?.messages.map((m) => m.to)).toEqual([['a']]);
    // Priya was never asked, so she must not hear of it.
    expect(closeA?.messages[0]?.body).toContain('I will not pass anything on to Priya');
    const closeB = introDraft(byB, people, reason);
    expect(closeB?.messages.map((m) => m.to)).toEqual([['b'], ['a']]);
  });
});

describe('introduction drafts', () => {
  it('asks A, then B, then introduces both, using first names, the reason and deep links', () => {
    const askA = introDraft(start, people, reason);
    expect(askA?.step).toBe('ask_a');
    expect(askA?.messages[0]?.body).toMatch(
      /^Hi Sam,\n\nWould you like an intro to Priya\? .*you both run climate fintech teams\./,
    );
    expect(askA?.messages[0]?.links.mailto).toMatch(
      /^mailto:sam@example\.com\?subject=Intro%20to%20Priya%3F&body=/,
    );
    expect(askA?.messages[0]?.links.sms).toMatch(/^sms:\+14155550100\?body=Hi%20Sam/);

    const askB = introDraft({ stage: 'a_agreed', outcome: null }, people, reason);
    expect(askB?.messages[0]).toMatchObject({ to: ['b'], subject: 'Intro to Sam?' });
    expect(askB?.messages[0]?.body).toContain('Hi Priya');
    expect(askB?.messages[0]?.links.sms).toBeNull();

    const intro = introDraft({ stage: 'b_agreed', outcome: null }, people, reason);
    expect(intro?.messages[0]?.to).toEqual(['a', 'b']);
    expect(intro?.messages[0]?.body).toMatch(/^Hi Sam and Priya,/);
    expect(intro?.messages[0]?.links.mailto).toMatch(/^mailto:sam@example\.com\?.*&cc=priya@example\.com$/);
  });

  it('has nothing to send while waiting for an answer or after the outcome', () => {
    for (const stage of ['asked_a', 'asked_b', 'intro_sent', 'outcome'] as const)
      expect(introDraft({ stage, outcome: null }, people, reason)).toBeNull();
  });
});

describe('stale introduction steps', () => {
  const names = { a: 'Sam', b: 'Priya' };
  const at = '2026-03-01T09:00:00.000Z';
  const daysLater = (days: number) => new Date(Date.parse(at) + days * 86_400_000).toISOString();

  it('flags asks after 5 days, agreements after 2 and a sent intro after 30, naming whom to contact', () => {
    expect(staleIntroduction({ stage: 'asked_a', stageAt: at }, names, daysLater(5))).toBeNull();
    expect(staleIntroduction({ stage: 'asked_a', stageAt: at }, names, daysLater(5.1))).toMatchObject({
      side: 'a',
      daysWaiting: 5,
    });
    expect(staleIntroduction({ stage: 'a_agreed', stageAt: at }, names, daysLater(2))).toBeNull();
    expect(staleIntroduction({ stage: 'a_agreed', stageAt: at }, names, daysLater(3))).toEqual({
      side: 'b',
      daysWaiting: 3,
      detail: 'Intro Sam \u2194 Priya: Sam agreed 3 days ago \u2014 now ask Priya',
    });
    expect(staleIntroduction({ stage: 'b_agreed', stageAt: at }, names, daysLater(3))?.side).toBe('a');
    expect(staleIntroduction({ stage: 'asked_b', stageAt: at }, names, daysLater(6))?.side).toBe('b');
    expect(staleIntroduction({ stage: 'intro_sent', stageAt: at }, names, daysLater(30))).toBeNull();
    expect(staleIntroduction({ stage: 'intro_sent', stageAt: at }, names, daysLater(31))?.detail).toContain(
      'Record the outcome',
    );
    for (const stage of ['proposed', 'outcome', 'declined'] as const)
      expect(staleIntroduction({ stage, stageAt: at }, names, daysLater(400))).toBeNull();
  });
});

describe('introDraft wording', () => {
  it('lower-cases a reason that starts a sentence and signs with the user name', () => {
    const draft = introDraft(start, people, 'Both care about open data', 'Ada Lovelace');
    const body = draft?.messages[0]?.body ?? '';
    expect(body).toContain('I thought of you both because both care about open data.');
    expect(body.endsWith('Best,\nAda Lovelace')).toBe(true);
    // A name keeps its capital.
    const named = introDraft(start, people, 'Grace asked for a compiler person', 'Ada');
    expect(named?.messages[0]?.body).toContain('because Grace asked for a compiler person.');
  });
});
