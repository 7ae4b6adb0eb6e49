import { KV_NS, entityNs } from './kvs-store.ts';
import { badRequest, checkEntityName } from './kvs-rules.ts';
import type { StoredRecord } from './persist.ts';

/** What a storage operation answers: a status and, unless 204, a JSON body. */
export interface StorageAnswer {
  status: number;
  body?: unknown;
}

const TTL_UNIT_MS: Record<string, number> = {
  SECONDS: 1e3,
  MINUTES: 60e3,
  HOURS: 3600e3,
  DAYS: 86400e3,
};

/** The record a write would store, keeping `createdAt` of the record it replaces. */
export function nextRecord(
  previous: StoredRecord | undefined,
  value: unknown,
  options: unknown,
  now: number,
): StoredRecord {
  const seconds = Math.floor(now / 1000);
  const record: StoredRecord = {
    value: structuredClone(value),
    createdAt: previous?.createdAt ?? seconds,
    updatedAt: seconds,
  };
  const ttl = (options as { ttl?: { value?: unknown; unit?: unknown } } | undefined)?.ttl;
  if (ttl !== undefined) {
    const unitMs = TTL_UNIT_MS[String(ttl.unit)];
    if (
      !unitMs ||
      typeof ttl.value !== 'number' ||
      !Number.isInteger(ttl.value) ||
      ttl.value <= 0
    ) {
      badRequest(
        'INVALID_TTL',
        `The ttl ${JSON.stringify(ttl)} needs a positive whole value and a unit of SECONDS, MINUTES, HOURS or DAYS.`,
      );
    }
    record.expireAt = now + ttl.value * unitMs;
  }
  return record;
}

/** The wire shape of a stored record: key, value and its metadata. */
export function recordBody(
  key: string,
  record: StoredRecord,
  entityName?: string,
): Record<string, unknown> {
  return {
    key,
    ...(entityName ? { entityName } : {}),
    value: structuredClone(record.value),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.expireAt !== undefined
      ? { expireTime: new Date(record.expireAt).toISOString() }
      : {}),
  };
}

/** Resolves the namespace of an item that may name a custom entity. */
export function namespaceOf(entityName: unknown): string {
  return entityName === undefined || entityName === null
    ? KV_NS
    : entityNs(checkEntityName(entityName));
}
