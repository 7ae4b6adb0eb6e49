import { makeResolver, type Handlers, type Request } from '@forge/resolver';
import type { z } from 'zod';
import { PAYLOAD_SCHEMAS } from '../declaration/api-payloads.ts';
import {
  RESOLVER_KEYS,
  type ApiResult,
  type DisclosureDefs,
  type ResolverKey,
} from '../declaration/api.ts';
import { formatPath, issuesFromZod } from '../declaration/parse.ts';
import {
  diffVersions,
  getDisclosure,
  getVersion,
  listVersions,
  markReviewed,
  type ServiceContext,
} from './disclosure-service.ts';
import { describeCause, DisclosureError, logReporter } from './errors.ts';

/** The resolver map is defined once, in the contract the UI also uses. */
export type { DisclosureDefs } from '../declaration/api.ts';

/** The trusted part of a resolver request: what the platform says about the caller. */
function callerOf(request: Request<unknown>) {
  const context = (request.context ?? {}) as Record<string, unknown>;
  return { moduleKey: context.moduleKey, accountId: context.accountId };
}

/**
 * Wraps one operation: validates the payload with its schema, runs it, and answers with the
 * envelope. Expected failures keep their code; anything else is logged and answered INTERNAL.
 */
function resolver<S extends z.ZodType, T>(
  key: ResolverKey,
  schema: S,
  run: (payload: z.output<S>, caller: ReturnType<typeof callerOf>) => Promise<T>,
) {
  return async (request: Request<z.input<S>>): Promise<ApiResult<T>> => {
    try {
      const parsed = schema.safeParse(request.payload);
      if (!parsed.success) {
        const message = issuesFromZod(parsed.error)
          .slice(0, 3)
          .map((issue) => `${formatPath(issue.path) || 'payload'}: ${issue.message}`)
          .join('; ');
        return { ok: false, error: { code: 'INVALID_PAYLOAD', message } };
      }
      return { ok: true, data: await run(parsed.data, callerOf(request)) };
    } catch (error) {
      if (error instanceof DisclosureError) {
        if (
          ['STORAGE_ERROR', 'CORRUPT_DATA', 'UNSUPPORTED_VERSION', 'INTERNAL'].includes(error.code)
        ) {
          logReporter(`${key}: ${error.message} ${describeCause(error.cause)}`.trimEnd());
        }
        return { ok: false, error: error.toApiError() };
      }
      logReporter(`${key}: unexpected failure: ${describeCause(error)}`);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong on our side; it has been logged.',
        },
      };
    }
  };
}

/** The five resolver functions, by key, to register on a `@forge/resolver` Resolver. */
export type DisclosureDefinitions = Handlers<DisclosureDefs>;

/** The resolver functions over `context`: each validates its payload and answers the envelope. */
export function resolverDefinitions(context: ServiceContext): DisclosureDefinitions {
  return {
    [RESOLVER_KEYS.getDisclosure]: resolver(
      RESOLVER_KEYS.getDisclosure,
      PAYLOAD_SCHEMAS[RESOLVER_KEYS.getDisclosure],
      (_p, caller) => getDisclosure(context, caller),
    ),
    [RESOLVER_KEYS.listVersions]: resolver(
      RESOLVER_KEYS.listVersions,
      PAYLOAD_SCHEMAS[RESOLVER_KEYS.listVersions],
      (payload) => listVersions(context, payload),
    ),
    [RESOLVER_KEYS.getVersion]: resolver(
      RESOLVER_KEYS.getVersion,
      PAYLOAD_SCHEMAS[RESOLVER_KEYS.getVersion],
      (payload) => getVersion(context, payload.version),
    ),
    [RESOLVER_KEYS.diffVersions]: resolver(
      RESOLVER_KEYS.diffVersions,
      PAYLOAD_SCHEMAS[RESOLVER_KEYS.diffVersions],
      (payload) => diffVersions(context, payload.from, payload.to),
    ),
    [RESOLVER_KEYS.markReviewed]: resolver(
      RESOLVER_KEYS.markReviewed,
      PAYLOAD_SCHEMAS[RESOLVER_KEYS.markReviewed],
      (payload, caller) => markReviewed(context, payload.version, caller),
    ),
  };
}

/** The signature Forge calls a resolver function with (`getDefinitions()` of @forge/resolver). */
export type ResolverHandler = (
  invocation: Parameters<ReturnType<typeof makeResolver>>[0],
  backendRuntimePayload?: Record<string, unknown>,
) => Promise<unknown>;

/**
 * The handler for a Forge function of its own. An unknown function key makes @forge/resolver
 * throw; it is answered like every other failure instead, so no stack trace reaches the page.
 */
export function resolverHandler(definitions: DisclosureDefinitions): ResolverHandler {
  const handle = makeResolver<DisclosureDefs>(definitions);
  return async (invocation, backendRuntimePayload) => {
    const functionKey = invocation?.call?.functionKey;
    if (!Object.values(RESOLVER_KEYS).includes(functionKey as never)) {
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: `There is no resolver "${String(functionKey).slice(0, 60)}".`,
        },
      } satisfies ApiResult<never>;
    }
    return handle(invocation, backendRuntimePayload);
  };
}
