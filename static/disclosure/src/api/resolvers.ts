import {
  RESOLVER_KEYS,
  type ApiResult,
  type DeclarationDiff,
  type DisclosureDefs,
  type DisclosureView,
  type MarkReviewedResult,
  type VersionDetail,
  type VersionPage,
} from '@declaration/api.ts';
import type { makeInvoke } from '@forge/bridge';
import { describeError, loadBridge } from './bridge.ts';

export type { DisclosureDefs } from '@declaration/api.ts';

/** `invoke` specialised to the contract's keys: each call's payload and answer are checked. */
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

/**
 * `versions/list`: one page of the versions this site was shown, newest first. With
 * `withDefaultDiff` (first page only), also the served version's default comparison.
 */
export function listVersions(
  cursor?: string,
  limit = 20,
  options: { withDefaultDiff?: boolean } = {},
): Promise<ApiResult<VersionPage>> {
  const key = RESOLVER_KEYS.listVersions;
  const withDefaultDiff = !cursor && options.withDefaultDiff === true;
  return call(key, (invoke) =>
    invoke(
      key,
      cursor ? { cursor, limit } : withDefaultDiff ? { limit, withDefaultDiff } : { limit },
    ),
  );
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
