import { describe, expect, it } from 'vitest';
import { actionLabel, activeStep, STEP_LABELS, stepSummary } from './stages';

const at = '2026-03-10T09:00:00.000Z';
const step = (action: Parameters<typeof actionLabel>[0]) => ({ action, at, note: null });

describe('activeStep', () => {
  it('marks the steps done so far and works on the next', () => {
    expect(activeStep({ stage: 'proposed', history: [] })).toBe(1);
    expect(activeStep({ stage: 'asked_a', history: [step('asked_a')] })).toBe(2);
    expect(activeStep({ stage: 'intro_sent', history: [] })).toBe(6);
  });

  it('completes every step once the outcome is in', () => {
    expect(activeStep({ stage: 'outcome', history: [] })).toBe(STEP_LABELS.length);
  });

  it('stays where the person asked said no', () => {
    expect(activeStep({ stage: 'declined', history: [step('asked_a'), step('declined')] })).toBe(1);
    expect(
      activeStep({
        stage: 'declined',
        history: [step('asked_a'), step('a_agreed'), step('asked_b'), step('declined')],
      }),
    ).toBe(3);
  });
});

describe('actionLabel', () => {
  it('names the person each step concerns', () => {
    expect(actionLabel('asked_a', 'Ada', 'Grace')).toBe('I asked Ada');
    expect(actionLabel('b_agreed', 'Ada', 'Grace')).toBe('Grace agreed');
    expect(actionLabel('succeeded', 'Ada', 'Grace')).toBe('It worked out');
  });
});

describe('stepSummary', () => {
  it('says where the stepper stands', () => {
    expect(stepSummary({ stage: 'asked_a', history: [] })).toBe('Step 3 of 7: A agreed');
    expect(stepSummary({ stage: 'outcome', history: [] })).toBe('Done');
    expect(stepSummary({ stage: 'declined', history: [step('asked_a'), step('declined')] })).toBe(
      'Declined at: Asked A',
    );
  });
});
