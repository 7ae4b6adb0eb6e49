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

/** The default {@link Reporter}: the Forge function's error log. */
export const logReporter: Reporter = (message) => console.error(message);
