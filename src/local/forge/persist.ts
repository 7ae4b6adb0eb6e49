import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inspectStorePath, somethingAt } from './store-path.ts';

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

/**
 * A persisted store that cannot be used as it is. It is never overwritten: the caller decides,
 * with the user, whether to move it aside ({@link moveDamagedStore}) and start empty.
 */
export class DamagedStoreError extends Error {
  override name = 'DamagedStoreError';
  /**
   * @param file the store file, as it was given
   * @param problem what is wrong, in words, e.g. "not valid JSON at line 3, column 5: ..."
   * @param path what is damaged, and what starting over moves aside: the file, or what stands
   *   where its folder should be
   */
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly path: string = file,
  ) {
    super(
      `The local KVS file ${file} is damaged: ${path === file ? '' : `${path}: `}${problem}. It was left as it is.`,
    );
  }
}

/** Line and column (both from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Thrown inside {@link jsonErrorOffset}'s scanner where the text stops being JSON. */
class JsonStop extends Error {
  constructor(readonly at: number) {
    super(`not JSON from offset ${at}`);
  }
}

/**
 * Where JSON.parse stopped, found by a small scanner: V8 says "at position N" for some errors
 * and nothing for others ("Unexpected token"), and Node 20 and 22 word them differently.
 */
function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const stop = (): never => {
    throw new JsonStop(at);
  };
  const space = (): void => {
    while (/[ \t\n\r]/.test(text[at] ?? '')) at += 1;
  };
  const expect = (char: string): void => {
    if (text[at] !== char) stop();
    at += 1;
  };
  const word = (expected: string): void => {
    for (const char of expected) expect(char);
  };
  const string = (): void => {
    expect('"');
    for (let char = text[at]; char !== '"'; char = text[at]) {
      if (char === undefined || char < ' ') stop();
      if (char === '\\') {
        at += 1;
        if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 4;
        else if (!'"\\/bfnrt'.includes(text[at] ?? 'u')) stop();
      }
      at += 1;
    }
    at += 1;
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) stop();
    else at += match[0].length;
  };
  const container = (open: '{' | '['): void => {
    const close = open === '{' ? '}' : ']';
    expect(open);
    space();
    if (text[at] === close) return void (at += 1);
    for (;;) {
      if (open === '{') {
        space();
        string();
        space();
        expect(':');
      }
      value();
      space();
      if (text[at] === close) return void (at += 1);
      expect(',');
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{' || char === '[') container(char);
    else if (char === '"') string();
    else if (char === 't') word('true');
    else if (char === 'f') word('false');
    else if (char === 'n') word('null');
    else number();
  };
  try {
    value();
    space();
    return at < text.length ? at : undefined;
  } catch (e) {
    // Anything else (a RangeError from nesting too deep to scan) leaves the position unknown.
    return e instanceof JsonStop ? e.at : undefined;
  }
}

/** Says where and why a text is not JSON, e.g. "not valid JSON at line 3, column 5: Expected ...". */
function describeJsonError(text: string, error: Error): string {
  if (text.trim() === '') return 'not valid JSON: the file is empty';
  // V8's own words, without its position (computed below for both Node versions) or its excerpt.
  const reason = error.message
    .replace(/ at position \d+.*$/, '')
    .replace(/ in JSON$/, '')
    .replace(/, (?:\.{3})?"[\s\S]*"(?:\.{3})? is not valid JSON$/, '');
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return `not valid JSON: ${reason}`;
  const { line, column } = lineAndColumn(text, offset);
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const RECORD_FIELDS = new Set(['value', 'createdAt', 'updatedAt', 'expireAt']);

/** What is wrong with one stored record, or null when it is one the emulator wrote. */
function recordProblem(record: unknown): string | null {
  if (!isObject(record)) return 'is not an object';
  if (!('value' in record)) return 'has no "value"';
  for (const field of ['createdAt', 'updatedAt'] as const)
    if (typeof record[field] !== 'number' || !Number.isFinite(record[field]))
      return `has a "${field}" that is not a number (Unix seconds)`;
  if (
    'expireAt' in record &&
    (typeof record.expireAt !== 'number' || !Number.isFinite(record.expireAt))
  )
    return 'has an "expireAt" that is not a number (epoch milliseconds)';
  const unknown = Object.keys(record).find((field) => !RECORD_FIELDS.has(field));
  return unknown === undefined ? null : `has an unknown field "${unknown}"`;
}

/** Checks what a store file holds, record by record; says which record is wrong and how. */
function checkStoreData(parsed: unknown): StoreData {
  if (!isObject(parsed) || parsed.format !== FORMAT)
    throw new Error(`not a ${FORMAT} file ("format" is missing or different)`);
  if (parsed.version !== VERSION)
    throw new Error(
      `it has version ${JSON.stringify(parsed.version)}; this preview reads version ${VERSION}`,
    );
  const namespaces = parsed.namespaces;
  if (!isObject(namespaces)) throw new Error('it has no "namespaces" object');
  for (const [ns, records] of Object.entries(namespaces)) {
    if (ns !== 'kv' && ns !== 'secret' && !/^entity:./.test(ns))
      throw new Error(`a record fails validation: unknown namespace ${JSON.stringify(ns)}`);
    if (!isObject(records))
      throw new Error(
        `a record fails validation: namespace ${JSON.stringify(ns)} is not an object of records`,
      );
    for (const [key, record] of Object.entries(records)) {
      const problem = recordProblem(record);
      if (problem)
        throw new Error(
          `a record fails validation: ${JSON.stringify(key)} in namespace ${JSON.stringify(ns)} ${problem}`,
        );
    }
  }
  return namespaces as StoreData;
}

/**
 * Reads a persisted store. A missing file is an empty store; anything else where the file should
 * be (a folder, a FIFO, a link to nothing, a file where its folder should be), and a file that
 * cannot be read, is not JSON or holds anything this emulator did not write, throws
 * {@link DamagedStoreError} and is left exactly as it is. A link to a store file is read through.
 */
export function loadStore(file: string): StoreData {
  let found;
  try {
    found = inspectStorePath(file);
  } catch (e) {
    // A path that cannot even be looked at (a folder without permission) is damaged for us too.
    throw new DamagedStoreError(file, `it cannot be looked at (${(e as Error).message})`);
  }
  if (found.state === 'missing') return {};
  if (found.state === 'damaged') throw new DamagedStoreError(file, found.problem, found.path);
  let text: string;
  try {
    text = readFileSync(found.file, 'utf8');
  } catch (e) {
    throw new DamagedStoreError(file, `it cannot be read (${(e as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new DamagedStoreError(file, describeJsonError(text, e as Error));
  }
  try {
    return checkStoreData(parsed);
  } catch (e) {
    throw new DamagedStoreError(file, (e as Error).message);
  }
}

/**
 * Moves a damaged store aside, beside it, to `<path>.damaged-<UTC time>` (a free name, never over
 * anything else), and answers where it went; null when nothing was there to move. `path` is
 * {@link DamagedStoreError.path}: the file, or what stands where its folder should be. A link is
 * moved as the link, never what it points to.
 */
export function moveDamagedStore(path: string, now: Date = new Date()): string | null {
  if (!somethingAt(path)) return null;
  // No ':' in the name: the folder may be shared with Windows, where ':' is not allowed.
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let backup = `${path}.damaged-${stamp}`;
  for (let n = 2; somethingAt(backup); n += 1) backup = `${path}.damaged-${stamp}-${n}`;
  renameSync(path, backup);
  return backup;
}

let sequence = 0;

/**
 * Writes the whole store to `file` so that a crash at any moment leaves either the old file or the
 * new one: write a temporary file beside it, flush it to disk, then rename it over the target.
 * Through a symbolic link, the target is written and the link stays. Anything else in the way
 * (see {@link loadStore}) is not replaced: the write fails with {@link DamagedStoreError}.
 */
export function saveStore(path: string, data: StoreData): void {
  const found = inspectStorePath(path);
  if (found.state === 'damaged') throw new DamagedStoreError(path, found.problem, found.path);
  const file = found.state === 'file' ? found.file : path;
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
