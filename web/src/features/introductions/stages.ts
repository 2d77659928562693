import type { Introduction, IntroductionAction } from '@contract/introductions';

/** The stepper's steps in order; `declined` and `outcome` both end the line. */
export const STEP_LABELS = [
  'Proposed',
  'Asked A',
  'A agreed',
  'Asked B',
  'B agreed',
  'Sent',
  'Outcome',
] as const;

const STEP_OF_STAGE = {
  proposed: 0,
  asked_a: 1,
  a_agreed: 2,
  asked_b: 3,
  b_agreed: 4,
  intro_sent: 5,
  outcome: 6,
} as const;

/**
 * The stepper's active index: the step being worked on. A finished introduction is past the last
 * step; a declined one stays on the step where the person said no.
 */
export function activeStep(intro: Pick<Introduction, 'stage' | 'history'>): number {
  if (intro.stage === 'outcome') return STEP_LABELS.length;
  if (intro.stage === 'declined') {
    const asked = intro.history.filter((h) => h.action === 'asked_a' || h.action === 'asked_b').at(-1);
    return asked?.action === 'asked_b' ? STEP_OF_STAGE.asked_b : STEP_OF_STAGE.asked_a;
  }
  return STEP_OF_STAGE[intro.stage] + 1;
}

/** "Step 3 of 7: A agreed", "Declined at: Asked A", "Done": the stepper in words. */
export function stepSummary(intro: Pick<Introduction, 'stage' | 'history'>): string {
  const step = activeStep(intro);
  if (intro.stage === 'declined') return `Declined at: ${STEP_LABELS[step]}`;
  if (step >= STEP_LABELS.length) return 'Done';
  return `Step ${step + 1} of ${STEP_LABELS.length}: ${STEP_LABELS[step]}`;
}

/** A button label for an action, in the user's words, naming the person it concerns. */
export function actionLabel(action: IntroductionAction, aName: string, bName: string): string {
  switch (action) {
    case 'asked_a':
      return `I asked ${aName}`;
    case 'a_agreed':
      return `${aName} agreed`;
    case 'asked_b':
      return `I asked ${bName}`;
    case 'b_agreed':
      return `${bName} agreed`;
    case 'intro_sent':
      return 'Intro sent';
    case 'declined':
      return 'They declined';
    case 'succeeded':
      return 'It worked out';
    case 'fizzled':
      return 'It fizzled out';
  }
}
