/**
 * Records every storage key the real `@forge/kvs` SDK sends, at the `__forge_fetch__` level
 * (below the backend's own store), so a test can say exactly which keys were read and written.
 */

/** One storage request as the SDK sent it: the operation and the keys or key prefix it names. */
export interface StorageAccess {
  op: string;
  keys: string[];
}

type ForgeFetch = (
  spec: { type?: string } | undefined,
  path: string,
  init?: { body?: unknown },
) => Promise<Response>;
type Globals = { __forge_fetch__?: ForgeFetch };

/** The keys (or, for a query, the key prefix) one request body names; `undefined` marks none. */
function keysOf(op: string, body: unknown): string[] {
  const record = (body ?? {}) as Record<string, unknown>;
  const key = (item: unknown) => String((item as { key?: unknown } | null)?.key);
  switch (op) {
    case 'get':
    case 'set':
    case 'delete':
      return [key(record)];
    case 'query': {
      // A query without a BEGINS_WITH condition would read every key: record it as "".
      const where = Array.isArray(record.where) ? record.where : [];
      const values = where.flatMap((clause: { condition?: unknown; values?: unknown }) =>
        clause.condition === 'BEGINS_WITH' && Array.isArray(clause.values) ? clause.values : [],
      );
      return values.length > 0 ? values.map(String) : [''];
    }
    case 'transaction':
      return ['set', 'delete', 'check'].flatMap((name) =>
        Array.isArray(record[name]) ? (record[name] as unknown[]).map(key) : [],
      );
    default:
      // batch/*: the keys it names; secret/* and entity/*, which the backend never uses: flagged.
      return Array.isArray(body) ? body.map(key) : [`<${op}>`];
  }
}

/**
 * Wraps the installed `__forge_fetch__` (install the local Forge runtime first) and answers the
 * storage requests seen since; `stop()` puts the original back.
 */
export function recordStorageAccess(): { accesses: StorageAccess[]; stop: () => void } {
  const globals = globalThis as Globals;
  const original = globals.__forge_fetch__;
  if (!original) throw new Error('recordStorageAccess: install the local Forge runtime first');
  const accesses: StorageAccess[] = [];
  globals.__forge_fetch__ = (spec, path, init) => {
    if (spec?.type === 'kvs') {
      const op = new URL(path, 'http://kvs.invalid').pathname.replace(/^\/api\/v1\//, '');
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      accesses.push({ op, keys: keysOf(op, body) });
    }
    return original(spec, path, init);
  };
  return {
    accesses,
    stop: () => {
      globals.__forge_fetch__ = original;
    },
  };
}
