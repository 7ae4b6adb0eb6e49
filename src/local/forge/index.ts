/**
 * A local Forge runtime for tests and the preview: it answers the requests the real `@forge/kvs`
 * and `@forge/api` SDKs send through `globalThis.__forge_fetch__`, so backend code runs unchanged.
 *
 * Storage: every `@forge/kvs` operation arrives as `POST /api/v1/<op>` with a JSON body (see
 * `kvs-handler.ts`). Product: `asUser().requestJira/requestConfluence` arrive with
 * `{ type: 'fpp', provider: 'user' | 'app', remote: 'jira' | 'confluence' }` (see `product-api.ts`).
 * Personal data reporting: `privacy.reportPersonalData` arrives as `POST /app/report-accounts`
 * with `remote: 'stargate'` (see `personal-data.ts`); tests say which accounts are closed.
 */
import {
  ProductFaults,
  StorageFaults,
  normaliseOperation,
  type FaultAnswer,
  type ProductFaultAnswer,
} from './faults.ts';
import { handleStorageOperation, type StorageAnswer } from './kvs-handler.ts';
import { KvsError } from './kvs-rules.ts';
import { KvsStore } from './kvs-store.ts';
import {
  createLocalPersonalData,
  REPORT_ACCOUNTS_PATH,
  type LocalPersonalData,
} from './personal-data.ts';
import { handleProductRequest, type ProductRequestSpec } from './product-api.ts';

export { KVS_ERRORS, MAX_KEY_LENGTH, MAX_OBJECT_DEPTH, MAX_VALUE_BYTES } from './kvs-rules.ts';
export { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './kvs-handler.ts';
export { MAX_TRANSACTION_OPERATIONS } from './kvs-batch.ts';
export {
  MAX_REPORTED_ACCOUNTS,
  type LocalPersonalData,
  type ReportAnswer,
  type ReportedAccount,
} from './personal-data.ts';

/** A site user and their product permissions. */
export interface LocalForgeUser {
  accountId: string;
  jiraAdmin: boolean;
  confluenceAdmin: boolean;
  /** The name Jira's and Confluence's user look-ups give; without one, they do not know them. */
  displayName?: string;
}

/** How to create a local Forge runtime. */
export interface LocalForgeOptions {
  /** Load from this JSON file if it exists; after every mutation, write it atomically (tmp + rename). */
  persistFile?: string;
  /** Known users and their product permissions; unknown users are not admins. */
  users?: LocalForgeUser[];
}

/** The local Forge runtime: KVS emulator plus product permission API. */
export interface LocalForge {
  /** Sets globalThis.__forge_fetch__ (and any other global the SDKs need); returns this. */
  install(): LocalForge;
  /** Restores what was there before install(). */
  uninstall(): void;
  /** The account the current invocation acts as (what asUser() requests are answered for). */
  setActingUser(accountId: string | null): void;
  /** Adds or replaces a user and their permissions. */
  setUser(user: LocalForgeUser): void;
  /**
   * A product REST request from the app's page as the acting user: what `@forge/bridge`'s
   * `requestJira` / `requestConfluence` reach (the same product API as `asUser()`).
   */
  fetchProduct(
    product: 'jira' | 'confluence',
    path: string,
    init?: { method?: string },
  ): Promise<Response>;
  /** Atlassian's personal data reporting API: which accounts are closed, and what was reported. */
  readonly personalData: LocalPersonalData;
  /** Counts of storage requests (one per HTTP call the SDK makes), total and per op. */
  readonly stats: {
    storageCalls: number;
    productCalls: number;
    /** Requests to the personal data reporting API (counted apart from product calls). */
    reportCalls: number;
    byOperation: Record<string, number>;
    reset(): void;
  };
  /** Faults injected into storage calls, and into product calls by path. */
  readonly faults: {
    /** Make the n-th storage call from now (1 = the next) fail with a 500 (or the given answer). */
    failCall(n: number, answer?: { status: number; code: string; message: string }): void;
    /** Make every storage call whose op matches fail until cleared. */
    failOperation(op: string, answer?: { status: number; code: string; message: string }): void;
    /** Delay every storage answer by ms. */
    delay(ms: number): void;
    /** Answer the next `times` storage calls with 429 RATE_LIMIT_EXCEEDED (or Atlassian's real code). */
    rateLimit(times: number): void;
    /** Make every product request to `path` (e.g. `/rest/api/3/user/bulk`) answer `answer` (500). */
    failProduct(path: string, answer?: ProductFaultAnswer): void;
    /** Clears storage and product faults. */
    clear(): void;
  };
  /** Every stored key and value (plain JSON), for tests asserting nothing changed. */
  snapshot(): Record<string, unknown>;
  /** Remove everything. */
  clear(): void;
}

type ForgeFetch = (
  spec: ProductRequestSpec | undefined,
  path: string,
  init?: { method?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<Response>;
type ForgeGlobals = { __forge_fetch__?: ForgeFetch };

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

let traceSequence = 0;
function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
    status,
    statusText: STATUS_TEXT[status] ?? '',
    headers: {
      'content-type': 'application/json',
      'x-trace-id': `local-forge-${++traceSequence}`,
      ...headers,
    },
  });
}

function errorAnswer(e: unknown): StorageAnswer {
  if (e instanceof KvsError)
    return { status: e.status, body: { code: e.code, message: e.message } };
  return {
    status: 500,
    body: {
      code: 'INTERNAL_SERVER_ERROR',
      message: `Local KVS failed: ${(e as Error)?.message ?? String(e)}`,
    },
  };
}

function parseBody(init: { body?: unknown } | undefined, path: string): unknown {
  const text = typeof init?.body === 'string' ? init.body : '';
  try {
    return JSON.parse(text);
  } catch {
    throw new KvsError(
      400,
      'BAD_REQUEST',
      `Provided request body is invalid: ${path} needs a JSON body.`,
    );
  }
}

/** Whether a stargate request is a personal data report (with or without a final slash). */
function isReport(path: string): boolean {
  return (
    new URL(path, 'https://local-forge.invalid').pathname.replace(/\/$/, '') ===
    REPORT_ACCOUNTS_PATH
  );
}

/** Creates a local Forge runtime; call `install()` to route the SDKs to it. */
export function createLocalForge(options: LocalForgeOptions = {}): LocalForge {
  const store = new KvsStore(options.persistFile);
  const users = new Map((options.users ?? []).map((u) => [u.accountId, { ...u }]));
  const faults = new StorageFaults();
  const productFaults = new ProductFaults();
  const personalData = createLocalPersonalData();
  let actingUser: string | null = null;
  let saved: { had: boolean; fetch: ForgeFetch | undefined } | undefined;

  const stats = {
    storageCalls: 0,
    productCalls: 0,
    reportCalls: 0,
    byOperation: {} as Record<string, number>,
    reset(): void {
      stats.storageCalls = 0;
      stats.productCalls = 0;
      stats.reportCalls = 0;
      stats.byOperation = {};
    },
  };

  async function storageCall(
    path: string,
    init: { body?: unknown } | undefined,
  ): Promise<Response> {
    const op = normaliseOperation(new URL(path, 'http://kvs.invalid').pathname);
    stats.storageCalls += 1;
    stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
    const fault: FaultAnswer | undefined = faults.next(op);
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (fault) return respond(fault.status, { code: fault.code, message: fault.message });
    let answer: StorageAnswer;
    try {
      answer = handleStorageOperation(store, op, parseBody(init, path), Date.now());
    } catch (e) {
      answer = errorAnswer(e);
    }
    return respond(answer.status, answer.body);
  }

  const forgeFetch: ForgeFetch = async (spec, path, init) => {
    if (spec?.type === 'kvs') return storageCall(path, init);
    if (spec?.type === 'fpp' && spec.remote === 'stargate' && isReport(path)) {
      stats.reportCalls += 1;
      const answer = personalData.handle(spec.provider, init?.method ?? 'GET', init?.body);
      return respond(answer.status, answer.body, answer.headers);
    }
    if (spec?.type === 'fpp') {
      stats.productCalls += 1;
      const fault = productFaults.next(path);
      if (fault) return respond(fault.status, fault.body);
      const answer = handleProductRequest(spec, path, init?.method ?? 'GET', actingUser, users);
      return respond(answer.status, answer.body);
    }
    throw new Error(
      `The local Forge runtime does not emulate "${String(spec?.type)}" requests (path ${path}).`,
    );
  };

  const forge: LocalForge = {
    install() {
      const g = globalThis as ForgeGlobals;
      if (!saved) saved = { had: '__forge_fetch__' in g, fetch: g.__forge_fetch__ };
      g.__forge_fetch__ = forgeFetch;
      return forge;
    },
    uninstall() {
      if (!saved) return;
      const g = globalThis as ForgeGlobals;
      if (saved.had) g.__forge_fetch__ = saved.fetch;
      else delete g.__forge_fetch__;
      saved = undefined;
    },
    setActingUser(accountId) {
      actingUser = accountId;
    },
    setUser(user) {
      users.set(user.accountId, { ...user });
    },
    fetchProduct: (product, path, init) =>
      forgeFetch({ type: 'fpp', provider: 'user', remote: product }, path, init),
    personalData,
    stats,
    faults: {
      failCall: (n, answer) => faults.failCall(n, answer),
      failOperation: (op, answer) => faults.failOperation(op, answer),
      delay: (ms) => faults.delay(ms),
      rateLimit: (times) => faults.rateLimit(times),
      failProduct: (path, answer) => productFaults.failPath(path, answer),
      clear: () => {
        faults.clear();
        productFaults.clear();
      },
    },
    snapshot: () => store.snapshot(),
    clear: () => store.clear(),
  };
  return forge;
}
