import { matchesGroup, type FilterGroup } from './conditions.ts';
import { nextRecord, namespaceOf, recordBody, type StorageAnswer } from './kvs-records.ts';
import { KvsError, badRequest, checkKey, checkValue, fail } from './kvs-rules.ts';
import type { KvsStore, StoreChange } from './kvs-store.ts';

/** Most operations one transaction may hold (Forge docs, "KVS Transactions", limitations). */
export const MAX_TRANSACTION_OPERATIONS = 25;
/** Most keys one batch get, set or delete may name (Forge docs, "Executing batch operations"). */
export const MAX_BATCH_KEYS = 25;

interface BatchItem {
  key?: unknown;
  entityName?: unknown;
  value?: unknown;
  options?: unknown;
}

const identity = (item: BatchItem): string =>
  `${String(item.entityName ?? '')}\u0000${String(item.key)}`;
const itemRef = (item: BatchItem): { key: string; entityName?: string } => ({
  key: String(item.key),
  ...(typeof item.entityName === 'string' ? { entityName: item.entityName } : {}),
});

/** Rejects a batch Forge rejects as a whole: empty, or naming one key twice. */
function checkBatch(items: unknown[], what: string): BatchItem[] {
  if (items.length === 0) badRequest('EMPTY_BATCH', `A batch ${what} needs at least one item.`);
  if (items.length > MAX_BATCH_KEYS)
    badRequest(
      'TOO_MANY_KEYS',
      `Each batch operation can contain a maximum of ${MAX_BATCH_KEYS} keys; this batch ${what} has ${items.length}.`,
    );
  const seen = new Set<string>();
  for (const item of items as BatchItem[]) {
    if (typeof item !== 'object' || item === null)
      badRequest('BAD_REQUEST', `Every batch ${what} item must be an object with a key.`);
    const id = identity(item);
    if (seen.has(id))
      badRequest(
        'DUPLICATE_KEYS',
        `The batch ${what} names key "${String(item.key)}" more than once.`,
      );
    seen.add(id);
  }
  return items as BatchItem[];
}

/** Runs `fn` per item; an item whose rules fail goes to `failedKeys`, the others to `successfulKeys`. */
function perItem<T>(items: BatchItem[], fn: (item: BatchItem) => T) {
  const successful: Array<{ item: BatchItem; result: T }> = [];
  const failedKeys: Array<Record<string, unknown>> = [];
  for (const item of items) {
    try {
      successful.push({ item, result: fn(item) });
    } catch (e) {
      if (!(e instanceof KvsError)) throw e;
      failedKeys.push({ ...itemRef(item), error: { code: e.code, message: e.message } });
    }
  }
  return { successful, failedKeys };
}

/** `kvs.batchSet`: every valid item is written together; invalid ones are reported per key. */
export function batchSet(store: KvsStore, raw: unknown[], now: number): StorageAnswer {
  const items = checkBatch(raw, 'set');
  const { successful, failedKeys } = perItem(items, (item): StoreChange => {
    const ns = namespaceOf(item.entityName);
    const key = checkKey(item.key);
    const value = checkValue(key, item.value);
    const previous = store.read(ns, key);
    if (
      previous &&
      (item.options as { keyPolicy?: string } | undefined)?.keyPolicy === 'FAIL_IF_EXISTS'
    )
      fail('keyExists', `(key "${key}")`);
    return { ns, key, record: nextRecord(previous, value, item.options, now) };
  });
  store.commit(successful.map((s) => s.result));
  return {
    status: 200,
    body: { successfulKeys: successful.map((s) => itemRef(s.item)), failedKeys },
  };
}

/** `kvs.batchGet`: found keys with their values; missing keys reported as KEY_NOT_FOUND. */
export function batchGet(store: KvsStore, raw: unknown[]): StorageAnswer {
  const items = checkBatch(raw, 'get');
  const { successful, failedKeys } = perItem(items, (item) => {
    const ns = namespaceOf(item.entityName);
    const key = checkKey(item.key);
    const record = store.read(ns, key);
    if (!record) fail('keyNotFound', `(key "${key}")`);
    return recordBody(
      key,
      record,
      typeof item.entityName === 'string' ? item.entityName : undefined,
    );
  });
  return { status: 200, body: { successfulKeys: successful.map((s) => s.result), failedKeys } };
}

/** `kvs.batchDelete`: deleting an absent key succeeds, as a single delete does. */
export function batchDelete(store: KvsStore, raw: unknown[]): StorageAnswer {
  const items = checkBatch(raw, 'delete');
  const { successful, failedKeys } = perItem(items, (item): StoreChange => ({
    ns: namespaceOf(item.entityName),
    key: checkKey(item.key),
    record: undefined,
  }));
  store.commit(successful.map((s) => s.result));
  return {
    status: 200,
    body: { successfulKeys: successful.map((s) => itemRef(s.item)), failedKeys },
  };
}

interface TransactionItem extends BatchItem {
  conditions?: FilterGroup;
}

/**
 * `kvs.transact().execute()`: every check, condition and FAIL_IF_EXISTS is evaluated against the
 * current state first; if any fails nothing is written and the first failure is the answer.
 */
export function transaction(
  store: KvsStore,
  body: Record<string, unknown>,
  now: number,
): StorageAnswer {
  const list = (name: string): TransactionItem[] => {
    const v = body[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) badRequest('BAD_REQUEST', `Transaction "${name}" must be an array.`);
    return v as TransactionItem[];
  };
  const sets = list('set');
  const deletes = list('delete');
  const checks = list('check');
  const total = sets.length + deletes.length + checks.length;
  if (total === 0)
    badRequest('EMPTY_TRANSACTION', 'A transaction needs at least one set, delete or check.');
  if (total > MAX_TRANSACTION_OPERATIONS) {
    badRequest(
      'TOO_MANY_OPERATIONS',
      `Each transaction can contain a maximum of ${MAX_TRANSACTION_OPERATIONS} operations; this one has ${total}.`,
    );
  }
  const seen = new Set<string>();
  for (const item of [...sets, ...deletes, ...checks]) {
    const id = identity(item);
    if (seen.has(id))
      badRequest(
        'DUPLICATE_KEYS',
        `Each key can only be used once in a transaction; "${String(item.key)}" appears twice.`,
      );
    seen.add(id);
  }

  const conditionHolds = (
    ns: string,
    key: string,
    item: TransactionItem,
    required: boolean,
  ): void => {
    if (!item.conditions && !required) return;
    const record = store.read(ns, key);
    if (!record || (item.conditions && !matchesGroup(record.value, item.conditions))) {
      fail(
        'conditionFailed',
        `(key "${key}"${typeof item.entityName === 'string' ? ` of entity "${item.entityName}"` : ''})`,
      );
    }
  };

  const changes: StoreChange[] = [];
  for (const item of checks) {
    if (!item.conditions)
      badRequest('BAD_REQUEST', `The check on key "${String(item.key)}" has no conditions.`);
    conditionHolds(namespaceOf(item.entityName), checkKey(item.key), item, true);
  }
  for (const item of sets) {
    const ns = namespaceOf(item.entityName);
    const key = checkKey(item.key);
    const value = checkValue(key, item.value);
    conditionHolds(ns, key, item, false);
    const previous = store.read(ns, key);
    if (
      previous &&
      (item.options as { keyPolicy?: string } | undefined)?.keyPolicy === 'FAIL_IF_EXISTS'
    )
      fail('keyExists', `(key "${key}")`);
    changes.push({ ns, key, record: nextRecord(previous, value, item.options, now) });
  }
  for (const item of deletes) {
    const ns = namespaceOf(item.entityName);
    const key = checkKey(item.key);
    conditionHolds(ns, key, item, false);
    changes.push({ ns, key, record: undefined });
  }
  store.commit(changes);
  return { status: 204 };
}
