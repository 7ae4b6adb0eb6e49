import { getAppContext } from '@forge/api';

/** The longest app version a version record keeps. */
export const MAX_APP_VERSION_LENGTH = 100;

/** Recorded when nothing names the app version: it is a label, and never blocks publishing. */
export const UNKNOWN_APP_VERSION = 'unknown';

/**
 * An app version as it may be stored and shown: control and format characters (line breaks,
 * escape sequences, direction overrides) become spaces, runs of spaces one, the ends trimmed,
 * and anything longer than {@link MAX_APP_VERSION_LENGTH} cut with an ellipsis. Answers
 * undefined when nothing readable is left, so the caller can fall back to another source.
 */
export function normaliseAppVersion(value: unknown): string | undefined {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : undefined;
  if (text === undefined) return undefined;
  // \p{C} covers controls, format characters (bidi overrides) and lone surrogates.
  const clean = text.replace(/[\p{C}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
  if (clean.length === 0) return undefined;
  if (clean.length <= MAX_APP_VERSION_LENGTH) return clean;
  // Cut on a code point boundary and stay within the limit in UTF-16 code units.
  let cut = '';
  for (const character of clean) {
    if (cut.length + character.length > MAX_APP_VERSION_LENGTH - 1) break;
    cut += character;
  }
  return `${cut.trimEnd()}…`;
}

/** The app version the Forge runtime reports for this invocation, when there is a runtime. */
export function runtimeAppVersion(): string | undefined {
  try {
    return normaliseAppVersion(getAppContext().appVersion);
  } catch {
    // No Forge runtime (local preview, tests): there is nothing to report.
    return undefined;
  }
}

/**
 * The app version to record: the first readable one of `candidates` (what the platform sent),
 * then the runtime's, then `fallback`, then {@link UNKNOWN_APP_VERSION}.
 */
export function chooseAppVersion(candidates: unknown[], fallback?: string): string {
  for (const candidate of candidates) {
    const version = normaliseAppVersion(candidate);
    if (version !== undefined) return version;
  }
  return runtimeAppVersion() ?? normaliseAppVersion(fallback) ?? UNKNOWN_APP_VERSION;
}
