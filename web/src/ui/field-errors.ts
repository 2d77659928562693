import { ApiError } from '../api/client';

/** The server's message for one field of a failed mutation, to show under that input. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** The message for a form's top-level alert: the detail, unless every error has its own input. */
export function formError(error: unknown, shownFields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'something went wrong';
  const unshown = error.errors.filter((e) => !shownFields.includes(e.field));
  if (error.errors.length > 0 && unshown.length === 0) return undefined;
  return unshown.length ? unshown.map((e) => `${e.field}: ${e.message}`).join('; ') : error.detail;
}
