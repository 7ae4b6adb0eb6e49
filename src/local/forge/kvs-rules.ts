/**
 * The rules Forge's Key-Value Store enforces on every request, with Atlassian's error codes.
 *
 * Codes and messages follow "Error handling for the Key-Value Store" in the Forge docs where that
 * page names them. Where it names none (a FAIL_IF_EXISTS write on an existing key, a transaction
 * whose check fails) the code is this emulator's choice and is exported in {@link KVS_ERRORS} so
 * callers can match on the HTTP status (409) rather than on a string that might differ in production.
 */

/** An error answer of the storage API: HTTP status plus the `{ code, message }` body. */
export class KvsError extends Error {
  /** HTTP status the SDK sees. */
  readonly status: number;
  /** The `code` field of the error body. */
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'KvsError';
    this.status = status;
    this.code = code;
  }
}

/** The storage error codes this emulator answers with, by situation. */
export const KVS_ERRORS = {
  keyNotFound: { status: 404, code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' },
  keyTooShort: {
    status: 400,
    code: 'KEY_TOO_SHORT',
    message: 'The provided key needs to be more than one character.',
  },
  keyTooLong: {
    status: 400,
    code: 'KEY_TOO_LONG',
    message: 'The provided key has exceeded the maximum 500 characters.',
  },
  invalidKey: {
    status: 400,
    code: 'INVALID_KEY',
    message: 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
  },
  maxSize: {
    status: 400,
    code: 'MAX_SIZE',
    message: 'The provided value has exceeded the maximum size limit.',
  },
  maxDepth: {
    status: 400,
    code: 'MAX_DEPTH',
    message: 'The provided value has exceeded the maximum object depth (32) limit.',
  },
  keyExists: {
    status: 409,
    code: 'KEY_ALREADY_EXISTS',
    message: 'The key already exists and the key policy is FAIL_IF_EXISTS.',
  },
  conditionFailed: {
    status: 409,
    code: 'CONDITIONAL_CHECK_FAILED',
    message: 'A condition of the transaction was not met; nothing was written.',
  },
  rateLimited: {
    status: 429,
    code: 'RATE_LIMIT_EXCEEDED',
    message: 'Rate limit exceeded for this installation.',
  },
  internal: {
    status: 500,
    code: 'INTERNAL_SERVER_ERROR',
    message: 'An internal server error has occurred',
  },
} as const;

/** Throws the named error, optionally with a message that says where. */
export function fail(which: keyof typeof KVS_ERRORS, detail?: string): never {
  const e = KVS_ERRORS[which];
  throw new KvsError(e.status, e.code, detail ? `${e.message} ${detail}` : e.message);
}

/** A 400 for a request the storage API rejects as malformed. */
export function badRequest(code: string, message: string): never {
  throw new KvsError(400, code, message);
}

/** Maximum key length in characters. */
export const MAX_KEY_LENGTH = 500;
/** Maximum value size: 240 KiB of JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;
/**
 * Maximum nesting of objects and arrays. Atlassian's message says "depth (32)": counting the
 * scalar leaves as a level, 31 nested containers is 32 levels, so 31 containers are allowed.
 */
export const MAX_OBJECT_DEPTH = 31;

// The documented pattern: `\s-#` inside the class is a literal '-', so whitespace, '-' and '#' pass.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** Rejects a key that Forge would reject, with its code; the message names the key. */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string')
    badRequest('INVALID_KEY', `The key must be a string, got ${typeof key}.`);
  if (key.length < 1) fail('keyTooShort');
  if (key.length > MAX_KEY_LENGTH)
    fail('keyTooLong', `(key of ${key.length} characters starting "${key.slice(0, 40)}")`);
  if (!KEY_PATTERN.test(key)) fail('invalidKey', `(key "${key.slice(0, 80)}")`);
  return key;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const d = depthOf(child);
    if (d > deepest) deepest = d;
    // Stop early: a pathological value must not cost a full walk once it is known to be too deep.
    if (deepest > MAX_OBJECT_DEPTH) break;
  }
  return deepest + 1;
}

/** Rejects a value Forge would reject (missing, too big, too deep), naming the key. */
export function checkValue(key: string, value: unknown): unknown {
  if (value === undefined) badRequest('INVALID_VALUE', `No value was given for key "${key}".`);
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES)
    fail('maxSize', `(key "${key}": ${bytes} bytes, limit ${MAX_VALUE_BYTES})`);
  const depth = depthOf(value);
  if (depth > MAX_OBJECT_DEPTH)
    fail('maxDepth', `(key "${key}": ${depth} nested levels, limit ${MAX_OBJECT_DEPTH})`);
  return value;
}

const ENTITY_NAME = /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/;

/** Rejects an entity name the Custom Entity Store would reject. */
export function checkEntityName(name: unknown): string {
  if (typeof name !== 'string')
    badRequest('INVALID_ENTITY_TYPE', 'The entity name must be a string.');
  if (name.length < 3)
    badRequest(
      'ENTITY_TYPE_TOO_SHORT',
      `The entity name "${name}" needs to be at least 3 characters.`,
    );
  if (name.length > 60)
    badRequest(
      'ENTITY_TYPE_TOO_LARGE',
      `The entity name "${name.slice(0, 40)}…" has exceeded the maximum 60 characters.`,
    );
  if (!ENTITY_NAME.test(name))
    badRequest('INVALID_ENTITY_TYPE', `The entity name "${name}" does not match ${ENTITY_NAME}.`);
  return name;
}
