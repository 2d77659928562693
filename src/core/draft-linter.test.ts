import { describe, expect, it } from 'vitest';
import { lintDraft } from './draft-linter';

const codes = (...args: Parameters<typeof lintDraft>) => lintDraft(...args).map((i) => i.code);

describe('lintDraft', () => {
  it.each([
    'Hi Sam, just checking in!',
    'Hey Sam,\n\nHope you are doing well.\n\nBest,\nAda',
    'Hi Sam, touching base. Hope all is well. Cheers',
    'Long time no see! How have you been?',
  ])('flags an empty opener: %s', (body) => {
    expect(codes(body, 'email', { firstName: 'Sam' })).toContain('empty_opener');
  });

  it.each([
    'Hi Sam, congrats on the promotion to VP at Acme! Well deserved after the platform launch. Drinks on me next time you are in Berlin.',
    'Hi Sam, I read this piece on Rust compilers and thought of your work on the parser: https://example.com/rust. Hope you are well!',
    'Sam, last time we talked about hiring your first designer; a friend of mine, Lea, just left Figma and is looking. Want an intro?',
  ])('accepts a concrete, useful message: %s', (body) => {
    expect(codes(body, 'email', { firstName: 'Sam', anchors: ['hiring a designer'] })).toEqual([]);
  });

  it('counts a filler phrase followed by real content as fine', () => {
    const body =
      'Hi Sam, hope you are well! I finally tried the sourdough recipe you recommended in March and it worked on the first try.';
    expect(codes(body, 'email', { firstName: 'Sam', anchors: ['sourdough baking'] })).toEqual([]);
  });

  it('wants a concrete reason when nothing refers to them', () => {
    expect(
      codes('Hi Sam, would love to grab coffee sometime soon, let me know what works for you.', 'email', {
        firstName: 'Sam',
      }),
    ).toContain('no_reason');
    expect(
      codes('Hi Sam, would love to grab coffee to hear how the Lisbon office is going.', 'email', {
        firstName: 'Sam',
        anchors: ['opening the Lisbon office'],
      }),
    ).not.toContain('no_reason');
  });

  it('flags a vague ask, and accepts a clear one', () => {
    expect(
      codes('Hi Sam, could I pick your brain about fundraising sometime? Congrats on the round!', 'email'),
    ).toContain('unclear_ask');
    expect(
      codes(
        'Hi Sam, congrats on the round! Would you introduce me to Priya at Index for a 15-minute call about our seed?',
        'email',
      ),
    ).not.toContain('unclear_ask');
  });

  it('knows what length suits each channel', () => {
    const long = `Congrats on the launch! ${'It was a great read. '.repeat(30)}`;
    expect(codes(long, 'text')).toContain('too_long');
    expect(codes(long, 'email')).not.toContain('too_long');
    expect(codes('Congrats!', 'email')).toContain('too_short');
  });
});
