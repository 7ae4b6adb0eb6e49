import { matchesGroup, type FilterClause, type FilterGroup } from './conditions.ts';
import { KV_NS, SECRET_NS, entityNs, type KvsStore } from './kvs-store.ts';
import { KvsError, badRequest, checkEntityName, checkKey, checkValue, fail } from './kvs-rules.ts';
import type { StoredRecord } from './persist.ts';
import { batchDelete, batchGet, batchSet, transaction } from './kvs-batch.ts';
import { nextRecord, recordBody, type StorageAnswer } from './kvs-records.ts';

export type { StorageAnswer } from './kvs-records.ts';

type Body = Record<string, unknown>;

/** How many results a query returns when it names no limit, and the most it may ask for. */
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 100;

function get(store: KvsStore, ns: string, body: Body): StorageAnswer {
  const key = checkKey(body.key);
  const record = store.read(ns, key);
  if (!record) fail('keyNotFound');
  return { status: 200, body: recordBody(key, record) };
}

function set(store: KvsStore, ns: string, body: Body, now: number): StorageAnswer {
  const key = checkKey(body.key);
  const value = checkValue(key, body.value);
  const options = (body.options ?? {}) as { keyPolicy?: string; returnValue?: string };
  if (
    options.keyPolicy !== undefined &&
    options.keyPolicy !== 'OVERRIDE' &&
    options.keyPolicy !== 'FAIL_IF_EXISTS'
  ) {
    badRequest(
      'INVALID_KEY_POLICY',
      `keyPolicy must be OVERRIDE or FAIL_IF_EXISTS, got "${options.keyPolicy}".`,
    );
  }
  if (options.returnValue !== undefined && options.keyPolicy !== 'OVERRIDE') {
    badRequest('INVALID_SET_OPTIONS', 'returnValue is only allowed with keyPolicy OVERRIDE.');
  }
  const previous = store.read(ns, key);
  if (previous && options.keyPolicy === 'FAIL_IF_EXISTS') fail('keyExists', `(key "${key}")`);
  const record = nextRecord(previous, value, options, now);
  store.commit([{ ns, key, record }]);
  if (options.returnValue === 'LATEST') return { status: 200, body: recordBody(key, record) };
  if (options.returnValue === 'PREVIOUS' && previous)
    return { status: 200, body: recordBody(key, previous) };
  return { status: 204 };
}

function remove(store: KvsStore, ns: string, body: Body): StorageAnswer {
  const key = checkKey(body.key);
  if (store.read(ns, key)) store.commit([{ ns, key, record: undefined }]);
  return { status: 204 };
}

const FIELD_NAMES: Record<string, string> = {
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
  EXPIRE_TIME: 'expireTime',
};

/** Query results carry key and value, plus only the metadata fields the query asked for. */
function withFields(full: Record<string, unknown>, fields: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { key: full.key, value: full.value };
  for (const f of Array.isArray(fields) ? fields : []) {
    const name = FIELD_NAMES[String(f)];
    if (name && full[name] !== undefined) out[name] = full[name];
  }
  return out;
}

function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the error below
  }
  return badRequest(
    'INVALID_CURSOR',
    `The cursor "${String(cursor).slice(0, 60)}" was not issued by this store.`,
  );
}

function checkLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_QUERY_LIMIT;
  if (
    typeof limit !== 'number' ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > MAX_QUERY_LIMIT
  ) {
    badRequest(
      'LIST_QUERY_LIMIT_EXCEEDED',
      `Limit for list query should be between 1 and ${MAX_QUERY_LIMIT}, got ${String(limit)}.`,
    );
  }
  return limit;
}

/** One page of entries after the cursor, with the cursor of the next page when more remain. */
function page(
  entries: Array<[string, StoredRecord]>,
  after: string | undefined,
  limit: number,
  fields: unknown,
  desc = false,
): StorageAnswer {
  const ordered = desc ? [...entries].reverse() : entries;
  const start =
    after === undefined ? 0 : ordered.findIndex(([k]) => (desc ? k < after : k > after));
  const rest = start < 0 ? [] : ordered.slice(start);
  const chosen = rest.slice(0, limit);
  const last = chosen[chosen.length - 1];
  return {
    status: 200,
    body: {
      data: chosen.map(([key, record]) => withFields(recordBody(key, record), fields)),
      ...(rest.length > limit && last ? { cursor: encodeCursor(last[0]) } : {}),
    },
  };
}

function query(store: KvsStore, body: Body): StorageAnswer {
  const limit = checkLimit(body.limit);
  const after = decodeCursor(body.after);
  const where = body.where as Array<FilterClause> | undefined;
  let entries = store.list(KV_NS);
  if (where !== undefined && where !== null) {
    if (!Array.isArray(where) || where.length !== 1)
      badRequest('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
    const [clause] = where as [FilterClause];
    if (clause.property !== 'key')
      badRequest(
        'QUERY_WHERE_FIELD_INVALID',
        `The field "${String(clause.property)}" is not supported for filters; only "key" is.`,
      );
    if (clause.condition !== 'BEGINS_WITH')
      badRequest(
        'INVALID_FILTER_CONDITION',
        `The condition "${String(clause.condition)}" is not supported; KVS queries support BEGINS_WITH.`,
      );
    if (!Array.isArray(clause.values) || clause.values.length !== 1)
      badRequest('INVALID_FILTER_VALUES', 'BEGINS_WITH needs exactly one value.');
    const prefix = String(clause.values[0]);
    entries = entries.filter(([key]) => key.startsWith(prefix));
  }
  return page(
    entries,
    after,
    limit,
    (body.options as { metadataFields?: unknown } | undefined)?.metadataFields,
  );
}

function entityQuery(store: KvsStore, body: Body): StorageAnswer {
  const entityName = checkEntityName(body.entityName);
  // Without the manifest's index definitions the emulator cannot place an entity in a partition or range.
  if ((Array.isArray(body.partition) && body.partition.length > 0) || body.range) {
    badRequest(
      'INDEX_NOT_SUPPORTED',
      `The local KVS cannot evaluate partition or range of index "${String(body.indexName)}" on entity "${entityName}"; query without them and use filters.`,
    );
  }
  const limit = checkLimit(body.limit);
  const after = decodeCursor(body.cursor);
  const filters = body.filters as FilterGroup | undefined;
  const entries = store
    .list(entityNs(entityName))
    .filter(([, r]) => !filters || matchesGroup(r.value, filters));
  const fields =
    (body.options as { metadataFields?: unknown } | undefined)?.metadataFields ??
    body.metadataFields;
  return page(entries, after, limit, fields, body.sort === 'DESC');
}

/**
 * Answers one storage request, `op` being the path after `/api/v1/` (`get`, `entity/set`,
 * `batch/delete`, `transaction`, ...). Throws {@link KvsError} for every error answer.
 */
export function handleStorageOperation(
  store: KvsStore,
  op: string,
  raw: unknown,
  now: number,
): StorageAnswer {
  const isBatch = op.startsWith('batch/');
  if (
    isBatch ? !Array.isArray(raw) : typeof raw !== 'object' || raw === null || Array.isArray(raw)
  ) {
    badRequest(
      'BAD_REQUEST',
      `Provided request body is invalid: /api/v1/${op} expects a JSON ${isBatch ? 'array' : 'object'}.`,
    );
  }
  const body = raw as Body;
  const entity = (): string => entityNs(checkEntityName(body.entityName));
  switch (op) {
    case 'get':
      return get(store, KV_NS, body);
    case 'secret/get':
      return get(store, SECRET_NS, body);
    case 'entity/get':
      return get(store, entity(), body);
    case 'set':
      return set(store, KV_NS, body, now);
    case 'secret/set':
      return set(store, SECRET_NS, body, now);
    case 'entity/set':
      return set(store, entity(), body, now);
    case 'delete':
      return remove(store, KV_NS, body);
    case 'secret/delete':
      return remove(store, SECRET_NS, body);
    case 'entity/delete':
      return remove(store, entity(), body);
    case 'query':
      return query(store, body);
    case 'entity/query':
      return entityQuery(store, body);
    case 'batch/set':
      return batchSet(store, raw as unknown[], now);
    case 'batch/get':
      return batchGet(store, raw as unknown[]);
    case 'batch/delete':
      return batchDelete(store, raw as unknown[]);
    case 'transaction':
      return transaction(store, body, now);
    default:
      throw new KvsError(404, 'NOT_FOUND', `The storage API has no operation /api/v1/${op}.`);
  }
}
