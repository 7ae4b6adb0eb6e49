import type {
  ApiResult,
  DeclarationDiff,
  DisclosureView,
  MarkReviewedResult,
  VersionDetail,
  VersionPage,
} from '@declaration';
import { RESOLVER_KEYS } from '@declaration/api.ts';
import type { makeInvoke } from './forge-bridge-lite.ts';
import { describeError, loadBridge } from './bridge.ts';

/**
 * What each resolver key takes and answers, for `makeInvoke<Defs>()`. The payload types match the
 * zod payload schemas in `src/declaration/api.ts`, which the backend validates.
 */
export type DisclosureDefs = {
  [RESOLVER_KEYS.getDisclosure]: (payload: Record<string, never>) => ApiResult<DisclosureView>;
  [RESOLVER_KEYS.listVersions]: (payload: {
    cursor?: string;
    limit?: number;
  }) => ApiResult<VersionPage>;
  [RESOLVER_KEYS.getVersion]: (payload: { version: number }) => ApiResult<VersionDetail>;
  [RESOLVER_KEYS.diffVersions]: (payload: {
    from: number;
    to: number;
  }) => ApiResult<DeclarationDiff>;
  [RESOLVER_KEYS.markReviewed]: (payload: { version: number }) => ApiResult<MarkReviewedResult>;
};

/** `invoke` specialised to the keys above: each call's payload and answer are checked. */
type Invoke = ReturnType<typeof makeInvoke<DisclosureDefs>>;

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (envelope.ok === true) return 'data' in envelope;
  if (envelope.ok !== false) return false;
  const error = envelope.error as { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * Calls one resolver and always answers with an envelope: a thrown bridge error, a rate limit or
 * an answer of the wrong shape become `{ ok: false }` so components have one path for failure.
 */
async function call<T>(
  key: string,
  send: (invoke: Invoke) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  try {
    const bridge = await loadBridge();
    const answer: unknown = await send(bridge.makeInvoke<DisclosureDefs>());
    if (isEnvelope(answer)) return answer as ApiResult<T>;
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `The app's backend gave an unexpected answer to ${key}.`,
      },
    };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Could not call ${key}: ${describeError(error)}` },
    };
  }
}

/** `disclosure/get`: the current declaration, its version, reviews and what this module may do. */
export function getDisclosure(): Promise<ApiResult<DisclosureView>> {
  const key = RESOLVER_KEYS.getDisclosure;
  return call(key, (invoke) => invoke(key, {}));
}

/** `versions/list`: one page of the versions this site was shown, newest first. */
export function listVersions(cursor?: string, limit = 20): Promise<ApiResult<VersionPage>> {
  const key = RESOLVER_KEYS.listVersions;
  return call(key, (invoke) => invoke(key, cursor ? { cursor, limit } : { limit }));
}

/** `versions/get`: one published version with its declaration. */
export function getVersion(version: number): Promise<ApiResult<VersionDetail>> {
  const key = RESOLVER_KEYS.getVersion;
  return call(key, (invoke) => invoke(key, { version }));
}

/** `versions/diff`: what changed from the older version `from` to the newer `to`. */
export function diffVersions(from: number, to: number): Promise<ApiResult<DeclarationDiff>> {
  const key = RESOLVER_KEYS.diffVersions;
  return call(key, (invoke) => invoke(key, { from, to }));
}

/** `review/mark`: records that the current user reviewed `version` (admin modules only). */
export function markReviewed(version: number): Promise<ApiResult<MarkReviewedResult>> {
  const key = RESOLVER_KEYS.markReviewed;
  return call(key, (invoke) => invoke(key, { version }));
}
