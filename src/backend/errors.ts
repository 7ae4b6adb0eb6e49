import type { ApiError, ApiErrorCode } from '../declaration/api.ts';

/**
 * A failure the backend expects and can explain: it reaches the UI as `{ code, message }`.
 * Anything else thrown is logged and answered as INTERNAL, so no stack trace leaves the backend.
 */
export class DisclosureError extends Error {
  /** The code the UI branches on. */
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DisclosureError';
    this.code = code;
  }

  /** The part of the error the client may see. */
  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

/** Shorthand for a stored value that failed validation: it is reported, never served. */
export function corrupt(what: string, detail: string): DisclosureError {
  return new DisclosureError(
    'CORRUPT_DATA',
    `The stored ${what} is damaged and was not shown (${detail}). The problem is in the app's logs for its vendor.`,
  );
}

/**
 * Where a damaged record that was skipped, or storage that was repaired, is reported: the app's
 * logs, which its vendor reads. Messages never carry an account id.
 */
export type Reporter = (message: string) => void;

/**
 * A review's storage key ends with the reviewer's account id
 * (`review:<version>:<time>:<account id>`), and Forge app logs are read by the app's developers:
 * every line the backend logs goes through this, which keeps the version and time of a review key
 * and drops the account id, wherever the key appears (in a message, or echoed in a cause).
 */
export function withoutAccountIds(text: string): string {
  return text.replace(
    /(review:\d{7}:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z:)[^\s"',;)]+/g,
    '$1…',
  );
}

/**
 * What of a cause is logged: its name, code, message and stack, without account ids; an object
 * as JSON, so that nothing reaches the log unredacted.
 */
export function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return '';
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    const named = typeof code === 'string' ? `${cause.name} ${code}` : cause.name;
    const stack = cause.stack?.split('\n').slice(1).join('\n');
    return withoutAccountIds(`${named}: ${cause.message}${stack ? `\n${stack}` : ''}`);
  }
  return withoutAccountIds(typeof cause === 'string' ? cause : (JSON.stringify(cause) ?? ''));
}

/** The default {@link Reporter}: the Forge function's error log, without account ids. */
export const logReporter: Reporter = (message) => console.error(withoutAccountIds(message));
