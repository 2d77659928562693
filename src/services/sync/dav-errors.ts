import { AppError } from '../../core/errors';

/** An If-Match / If-None-Match that does not hold (RFC 7232 §4.2: 412, nothing changed). */
export class PreconditionFailed extends AppError {}

/**
 * A request the DAV layer refuses with a named precondition (RFC 4918 §16): 403 or 409 with a
 * DAV:error body carrying `condition`, and `message` saying what was wrong.
 */
export class DavPrecondition extends AppError {
  constructor(
    message: string,
    readonly condition:
      | 'valid-address-data'
      | 'no-uid-conflict'
      | 'valid-sync-token'
      | 'propfind-finite-depth'
      | 'supported-address-data'
      | 'max-resource-size'
      | 'valid-calendar-data'
      | 'valid-filter',
    readonly status: 403 | 409 = 403,
  ) {
    super(message);
  }
}
