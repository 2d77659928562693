/**
 * The option a Select or SegmentedControl handed back, typed as the options' own union: Mantine
 * gives a plain `string`, and a value that is not among the options (or null) is `undefined`.
 */
export function choiceOf<T extends string>(
  options: readonly (T | { readonly value: T })[],
  value: string | null | undefined,
): T | undefined {
  for (const option of options) {
    const v = typeof option === 'string' ? option : option.value;
    if (v === value) return v;
  }
  return undefined;
}

/** `choiceOf` for a MultiSelect: the chosen values in the order given, unknown ones left out. */
export function choicesOf<T extends string>(
  options: readonly (T | { readonly value: T })[],
  values: readonly string[],
): T[] {
  return values.flatMap((value) => {
    const choice = choiceOf(options, value);
    return choice === undefined ? [] : [choice];
  });
}
