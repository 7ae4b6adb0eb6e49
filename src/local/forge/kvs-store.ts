import { loadStore, saveStore, type StoreData, type StoredRecord } from './persist.ts';
import { KvsError } from './kvs-rules.ts';

/** One write of a committed change set: a record to store, or `undefined` to delete the key. */
export interface StoreChange {
  ns: string;
  key: string;
  record: StoredRecord | undefined;
}

/** Namespace id for plain keys. */
export const KV_NS = 'kv';
/** Namespace id for `kvs.setSecret` keys (never listed by queries). */
export const SECRET_NS = 'secret';
/** Namespace id for one custom entity. */
export const entityNs = (entityName: string): string => `entity:${entityName}`;

/**
 * The stored data, in memory and optionally on disk. Every change set is written to disk before it
 * is applied in memory, so a failed write leaves both exactly as they were.
 */
export class KvsStore {
  private data: StoreData;
  constructor(
    private readonly persistFile: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.data = persistFile ? loadStore(persistFile) : {};
  }

  /** The live record for a key, or undefined when absent or expired. */
  read(ns: string, key: string): StoredRecord | undefined {
    const record = this.data[ns]?.[key];
    if (!record) return undefined;
    if (record.expireAt !== undefined && record.expireAt <= this.now()) return undefined;
    return record;
  }

  /** Live entries of a namespace in key order (code-unit order, as the store sorts keys). */
  list(ns: string): Array<[string, StoredRecord]> {
    const entries = Object.keys(this.data[ns] ?? {})
      .sort()
      .map((key): [string, StoredRecord | undefined] => [key, this.read(ns, key)]);
    return entries.filter((e): e is [string, StoredRecord] => e[1] !== undefined);
  }

  /** Applies all changes or none. */
  commit(changes: StoreChange[]): void {
    if (changes.length === 0) return;
    const next: StoreData = { ...this.data };
    for (const { ns, key, record } of changes) {
      const bucket = { ...(next[ns] ?? {}) };
      if (record) bucket[key] = record;
      else delete bucket[key];
      next[ns] = bucket;
    }
    this.replace(next);
  }

  /** Removes everything. */
  clear(): void {
    this.replace({});
  }

  /** Every live key and value, named `key`, `secret/<key>` or `entity/<name>/<key>` ('/' cannot occur in a key). */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const ns of Object.keys(this.data).sort()) {
      const prefix =
        ns === KV_NS ? '' : ns === SECRET_NS ? 'secret/' : `entity/${ns.slice('entity:'.length)}/`;
      for (const [key, record] of this.list(ns)) out[prefix + key] = structuredClone(record.value);
    }
    return out;
  }

  private replace(next: StoreData): void {
    if (this.persistFile) {
      try {
        saveStore(this.persistFile, next);
      } catch (e) {
        throw new KvsError(
          500,
          'INTERNAL_SERVER_ERROR',
          `The local KVS could not write ${this.persistFile}: ${(e as Error).message}`,
        );
      }
    }
    this.data = next;
  }
}
