import { cleanValue } from './draft-templates';

/** Variables an update's subject and body may use. */
export const UPDATE_VARIABLES = ['firstName', 'lastName', 'fullName', 'company', 'myName'] as const;
export type UpdateVariable = (typeof UPDATE_VARIABLES)[number];
export type UpdateVariables = Record<UpdateVariable, string>;

const VAR = /\{\{\s*(\w+)\s*\}\}/g;

/** Variables used in the text that Tend does not know, so the user hears about a typo before anything is sent. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(VAR)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !isUpdateVariable(n)))];
}

/**
 * F16: fills `{{firstName}}` and friends in one pass (a value containing "{{…}}" is never expanded
 * again), with the same cleaning as draft templates: values are plain text on one line.
 */
const KNOWN = new Set<string>(UPDATE_VARIABLES);
const isUpdateVariable = (name: string): name is UpdateVariable => KNOWN.has(name);

export function renderUpdate(text: string, vars: UpdateVariables): string {
  return text.replace(VAR, (whole, name: string) =>
    isUpdateVariable(name) ? cleanValue(vars[name]) : whole,
  );
}
