import { Alert } from '@mantine/core';
import { formError } from './field-errors';

/** A form's top-level error, when a failed mutation has one no input shows; nothing otherwise. */
export function FormErrorAlert({ error, shownFields }: { error: unknown; shownFields: readonly string[] }) {
  const message = formError(error, shownFields);
  return message ? (
    <Alert color="red" role="alert" className="tend-wrap">
      {message}
    </Alert>
  ) : null;
}
