import { kvs, WhereConditions } from '@forge/kvs';
import { DisclosureError } from './errors.ts';

/** One stored key and its value. */
export interface StoredEntry {
  key: string;
  value: unknown;
}

/**
 * The little the app needs from Forge storage. Kept small so that publishing and reading are
 * written against intent ("create if absent", "all keys under a prefix"), not SDK details.
 */
export interface KeyValueStore {
  /** The value, or undefined when the key does not exist. */
  get(key: string): Promise<unknown>;
  /**
   * The values of several keys (missing ones left out), in one request per 25 keys, sent at
   * once: what a page of the history costs whatever the length of the history.
   */
  getMany(keys: readonly string[]): Promise<Map<string, unknown>>;
  /** Writes (or overwrites) one key. */
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes one key and answers the value it replaced (undefined when there was none), in one
   * atomic step: a writer that merges what it replaced again never loses another's write.
   */
  exchange(key: string, value: unknown): Promise<unknown>;
  /** Writes a key only if it does not exist yet; false when it already existed. */
  create(key: string, value: unknown): Promise<boolean>;
  /** Every key starting with `prefix`, in key order (one request per 100 keys). */
  list(prefix: string): Promise<StoredEntry[]>;
  /** Writes all entries, or none of them. */
  setAll(entries: StoredEntry[]): Promise<void>;
}

const PAGE_SIZE = 100;

/** Most keys one `batchGet` may name (Forge docs, "Executing batch operations"). */
export const MAX_BATCH_KEYS = 25;

function isConflict(error: unknown): boolean {
  const status = (error as { responseDetails?: { status?: number } }).responseDetails?.status;
  const code = (error as { code?: unknown }).code;
  return status === 409 || code === 'KEY_ALREADY_EXISTS' || code === 'KEY_CONFLICT';
}

/** Turns an SDK failure into STORAGE_ERROR, keeping the cause for the log. */
function storageFailure(operation: string, key: string, error: unknown): DisclosureError {
  const code = (error as { code?: unknown }).code;
  const detail = typeof code === 'string' ? ` (${code})` : '';
  return new DisclosureError(
    'STORAGE_ERROR',
    `Forge storage could not ${operation} "${key}"${detail}. Nothing was changed; try again.`,
    { cause: error },
  );
}

async function attempt<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storageFailure(operation, key, error);
  }
}

/** The real store: Forge's Key-Value Store through `@forge/kvs`. */
export const forgeStore: KeyValueStore = {
  get: (key) => attempt('read', key, () => kvs.get<unknown>(key)),
  async getMany(keys) {
    const unique = [...new Set(keys)];
    const batches: string[][] = [];
    for (let start = 0; start < unique.length; start += MAX_BATCH_KEYS) {
      batches.push(unique.slice(start, start + MAX_BATCH_KEYS));
    }
    const answers = await Promise.all(
      batches.map((batch) =>
        attempt('read', batch.join(', '), () =>
          kvs.batchGet<unknown>(batch.map((key) => ({ key }))),
        ),
      ),
    );
    const values = new Map<string, unknown>();
    for (const answer of answers) {
      const failed = answer.failedKeys.find((item) => item.error.code !== 'KEY_NOT_FOUND');
      if (failed) throw storageFailure('read', failed.key, failed.error);
      for (const { key, value } of answer.successfulKeys) values.set(key, value);
    }
    return values;
  },
  set: (key, value) => attempt('write', key, async () => void (await kvs.set(key, value))),
  exchange: (key, value) =>
    attempt('write', key, async () => {
      const previous = await kvs.set<unknown>(key, value, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'PREVIOUS',
      });
      return previous?.value;
    }),
  async create(key, value) {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw storageFailure('create', key, error);
    }
  },
  list: (prefix) =>
    attempt('list', `${prefix}*`, async () => {
      const entries: StoredEntry[] = [];
      let cursor: string | undefined;
      do {
        let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany<unknown>();
        entries.push(...page.results.map(({ key, value }) => ({ key, value })));
        cursor = page.nextCursor;
      } while (cursor);
      return entries;
    }),
  setAll: (entries) =>
    attempt('write', entries.map((entry) => entry.key).join(', '), async () => {
      const transaction = kvs.transact();
      for (const { key, value } of entries) transaction.set(key, value);
      await transaction.execute();
    }),
};
