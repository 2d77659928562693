import { Invalid } from '../core/errors';

/** The least zxcvbn score accepted (0–4): 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_SCORE = 3;
export const MIN_LENGTH = 10;

// zxcvbn-ts ships its messages as keys; the English texts live in @zxcvbn-ts/language-en, which we
// do not depend on for a dozen sentences.
const WARNINGS: Record<string, string> = {
  straightRow: 'straight rows of keys on your keyboard are easy to guess',
  keyPattern: 'short keyboard patterns are easy to guess',
  simpleRepeat: 'repeated characters like "aaa" are easy to guess',
  extendedRepeat: 'repeated patterns like "abcabcabc" are easy to guess',
  sequences: 'common sequences like "abc" are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  topTen: 'this is one of the ten most used passwords',
  topHundred: 'this is one of the hundred most used passwords',
  common: 'this is a commonly used password',
  similarToCommon: 'this is similar to a commonly used password',
  wordByItself: 'single words are easy to guess',
  namesByThemselves: 'single names or surnames are easy to guess',
  commonNames: 'common names and surnames are easy to guess',
  userInputs: 'it should not contain your e-mail address or name',
  pwned: 'it appeared in a data breach',
};
const SUGGESTIONS: Record<string, string> = {
  l33t: "avoid predictable letter substitutions like '@' for 'a'",
  reverseWords: 'avoid reversed spellings of common words',
  allUppercase: 'capitalise some, but not all letters',
  capitalization: 'capitalise more than the first letter',
  dates: 'avoid dates and years that are associated with you',
  recentYears: 'avoid recent years',
  associatedYears: 'avoid years that are associated with you',
  sequences: 'avoid common character sequences',
  repeated: 'avoid repeated words and characters',
  longerKeyboardPattern: 'use longer keyboard patterns and change typing direction several times',
  anotherWord: 'add more words that are less common',
  useWords: 'use multiple words, but avoid common phrases',
  noNeed: 'you can create strong passwords without symbols, numbers, or uppercase letters',
  pwned: 'change it wherever else you use it',
};

interface Checker {
  check(
    password: string,
    userInputs?: string[],
  ): {
    score: number;
    feedback: { warning: string | null; suggestions: string[] };
  };
}

// The dictionaries are ~1.5 MB of JSON and take ~250 ms to load and index (docs/self-hosting.md):
// loaded on first use, once per process, on the server only (the web app shows our message).
let checker: Promise<Checker> | undefined;
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
    ]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  })();
  return checker;
}

/** Starts loading the dictionaries now (the server calls it at start-up, off the first sign-up's path). */
export function warmPasswordStrength(): Promise<unknown> {
  return loadChecker();
}

/** Why `password` is too weak for the account with these details, or null when it is strong enough. */
export async function passwordWeakness(password: string, userInputs: string[]): Promise<string | null> {
  if ([...password].length < MIN_LENGTH) return `must be at least ${MIN_LENGTH} characters`;
  if (password.trim() === '' || /^[\p{Cc}\p{Cf}\p{Z}]*$/u.test(password))
    return 'must contain letters, digits or symbols, not only spaces or control characters';
  const inputs = userInputs.flatMap((u) => {
    const v = u.trim().toLowerCase();
    // Each word too (and the words run together), so "ada.lovelace2026" or "AdaLovelace1" is caught.
    const words = v.split(/[\s@.+_-]+/).filter((w) => w.length >= 3);
    return [v, words.join(''), ...words];
  });
  const lower = password.toLowerCase();
  if (inputs.some((u) => u.includes('@') && lower.includes(u))) return 'must not contain your e-mail address';
  const r = (await loadChecker()).check(password, inputs);
  if (r.score >= MIN_SCORE) return null;
  const warning = r.feedback.warning ? WARNINGS[r.feedback.warning] : undefined;
  const suggestion = r.feedback.suggestions.map((s) => SUGGESTIONS[s]).find(Boolean);
  const why = warning ?? 'it is too easy to guess';
  return `is too weak: ${why}${suggestion ? `; ${suggestion}` : ''}`;
}

/** Throws Invalid naming `field` when the password is too weak. */
export async function requireStrongPassword(
  password: string,
  userInputs: string[],
  field: string,
): Promise<void> {
  const weakness = await passwordWeakness(password, userInputs);
  if (weakness) throw new Invalid(weakness, field);
}
