/** Typed failures thrown by services; the server maps each to one HTTP status and problem+json. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
/** Unknown id, or an id of another account: the same answer, so existence never leaks. */
export class NotFound extends AppError {}
export class Conflict extends AppError {}
/** Bad input; `field` names the offending field (dotted path) when there is one. */
export class Invalid extends AppError {}
export class Unauthorized extends AppError {}
export class Forbidden extends AppError {}
/** The body's Content-Type is not one the route reads (uploads: CSV, vCard, plain text, octet-stream). */
export class UnsupportedMediaType extends AppError {}
/** A server Tend talks to on the user's behalf (their mailbox, a calendar URL) failed; the message says how. */
export class Upstream extends AppError {}
/** The server cannot serve now (stopping, database down): try again or elsewhere. */
export class Unavailable extends AppError {}
/** Too many attempts; the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequests extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
