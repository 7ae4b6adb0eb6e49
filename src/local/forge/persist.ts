import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What the emulator keeps per stored key. Times are Unix seconds, as the storage API answers them. */
export interface StoredRecord {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds after which the key reads as absent (set by a TTL). */
  expireAt?: number;
}

/** Namespace id → key → record. Namespaces: `kv`, `secret`, `entity:<name>`. */
export type StoreData = Record<string, Record<string, StoredRecord>>;

const FORMAT = 'privacy-disclosure-local-kvs';
const VERSION = 1;

/** Reads a persisted store; a missing file is an empty store, a damaged one is a clear error (never overwritten). */
export function loadStore(file: string): StoreData {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `Local KVS file ${file} is not valid JSON (${(e as Error).message}); move it away or fix it.`,
      { cause: e },
    );
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== FORMAT
  ) {
    throw new Error(
      `Local KVS file ${file} is not a ${FORMAT} file; refusing to use or overwrite it.`,
    );
  }
  const { version, namespaces } = parsed as { version?: unknown; namespaces?: unknown };
  if (version !== VERSION)
    throw new Error(
      `Local KVS file ${file} has version ${String(version)}; this emulator reads version ${VERSION}.`,
    );
  if (typeof namespaces !== 'object' || namespaces === null)
    throw new Error(`Local KVS file ${file} has no "namespaces" object.`);
  return namespaces as StoreData;
}

let sequence = 0;

/**
 * Writes the whole store to `file` so that a crash at any moment leaves either the old file or the
 * new one: write a temporary file beside it, flush it to disk, then rename it over the target.
 */
export function saveStore(file: string, data: StoreData): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.${sequence++}.tmp`);
  const text = JSON.stringify({ format: FORMAT, version: VERSION, namespaces: data });
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
