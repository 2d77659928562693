/** Whether `value` is one of the closed word list `words`, as a type guard (no widening cast needed). */
export function isOneOf<T extends string>(words: readonly T[], value: unknown): value is T {
  return words.some((w) => w === value);
}
