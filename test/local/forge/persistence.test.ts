import { kvs } from '@forge/kvs';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalForge, type LocalForge } from '../../../src/local/forge/index.ts';
import {
  DamagedStoreError,
  loadStore,
  moveDamagedStore,
  saveStore,
} from '../../../src/local/forge/persist.ts';
import { exampleDeclaration, scratchDir } from './fixtures.ts';

const consulting = exampleDeclaration('open-source-consulting-apps.yaml');
const exalate = exampleDeclaration('exalate-cloud.yaml');

let scratch: ReturnType<typeof scratchDir>;
let file: string;
let forge: LocalForge | undefined;
beforeEach(() => {
  scratch = scratchDir();
  file = join(scratch.dir, 'nested', 'kvs.json');
});
afterEach(() => {
  forge?.uninstall();
  forge = undefined;
  scratch.remove();
});

describe('persistence', () => {
  it('keeps every key, secret and entity for a new emulator on the same file', async () => {
    forge = createLocalForge({ persistFile: file }).install();
    await kvs.set('declaration:version:1', consulting);
    await kvs
      .transact()
      .set('declaration:version:2', exalate)
      .set('declaration:current', exalate)
      .execute();
    await kvs.setSecret('review-token', 'opaque');
    await kvs.entity('review-mark').set('acc-1', { version: 2 });
    await kvs.delete('declaration:version:1');
    const before = forge.snapshot();
    forge.uninstall();

    forge = createLocalForge({ persistFile: file }).install();
    expect(forge.snapshot()).toEqual(before);
    expect(await kvs.get('declaration:current')).toEqual(exalate);
    expect(await kvs.get('declaration:version:1')).toBeUndefined();
  });

  it('writes through a temporary file and leaves none behind', async () => {
    forge = createLocalForge({ persistFile: file }).install();
    for (let v = 1; v <= 3; v += 1) await kvs.set(`declaration:version:${v}`, consulting);
    expect(readdirSync(join(scratch.dir, 'nested'))).toEqual(['kvs.json']);
    expect(
      JSON.parse(readFileSync(file, 'utf8')).namespaces.kv['declaration:version:3'].value,
    ).toEqual(consulting);
  });

  it('does not touch the file for a write that fails its rules', async () => {
    forge = createLocalForge({ persistFile: file }).install();
    await kvs.set('declaration:current', consulting);
    const onDisk = readFileSync(file, 'utf8');
    await expect(
      kvs.set('declaration:current', exalate, { keyPolicy: 'FAIL_IF_EXISTS' }),
    ).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe(onDisk);
  });

  it('answers 500 and changes nothing when the file cannot be written', async () => {
    forge = createLocalForge({ persistFile: file }).install();
    // Someone puts a plain file where the store's folder would be made, after the emulator started.
    writeFileSync(dirname(file), 'a plain file where a directory should be');
    await expect(kvs.set('declaration:current', consulting)).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
    });
    expect(forge.snapshot()).toEqual({});
    expect(await kvs.get('declaration:current')).toBeUndefined();
    expect(readFileSync(dirname(file), 'utf8')).toBe('a plain file where a directory should be');
  });

  it('refuses a damaged file with a message naming it, and does not overwrite it', () => {
    const damaged = join(scratch.dir, 'kvs.json');
    const text =
      '{"format":"privacy-disclosure-local-kvs","version":1,"namespaces":{"kv":{"declaration:cur';
    writeFileSync(damaged, text);
    expect(() => createLocalForge({ persistFile: damaged })).toThrow(
      `kvs.json is damaged: not valid JSON at line 1, column ${text.length + 1}: Unterminated string`,
    );
    expect(readFileSync(damaged, 'utf8')).toBe(text);
  });

  it('starts empty when the file does not exist yet, and creates it on the first write', async () => {
    forge = createLocalForge({ persistFile: file }).install();
    expect(forge.snapshot()).toEqual({});
    expect(existsSync(file)).toBe(false);
    await kvs.set('declaration:current', consulting);
    expect(existsSync(file)).toBe(true);
    forge.clear();
    expect(createLocalForge({ persistFile: file }).snapshot()).toEqual({});
  });
});

/** A store the emulator wrote, as a person would see it after opening and re-indenting it. */
async function handEditedStore(): Promise<string[]> {
  forge = createLocalForge({ persistFile: file }).install();
  await kvs.set('declaration:current', consulting);
  await kvs.entity('review-mark').set('acc-1', { version: 1 });
  forge.uninstall();
  forge = undefined;
  return JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2).split('\n');
}

/** Writes `text` as the store file and answers why it cannot be loaded; the file stays as written. */
function damage(text: string): DamagedStoreError {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  let thrown: unknown;
  try {
    loadStore(file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DamagedStoreError);
  expect(readFileSync(file, 'utf8')).toBe(text);
  return thrown as DamagedStoreError;
}

describe('a damaged store file', () => {
  it('says at which line and column it stops being JSON', async () => {
    const lines = await handEditedStore();
    // Deleting the comma after "version": 1 makes the next line, the fourth, unexpected.
    expect(lines[2]).toBe('  "version": 1,');
    lines[2] = '  "version": 1';
    const error = damage(lines.join('\n'));
    expect(error.file).toBe(file);
    expect(error.problem).toBe(
      "not valid JSON at line 4, column 3: Expected ',' or '}' after property value",
    );
  });

  it('locates an unexpected token, which the JSON parser reports without a position', async () => {
    const lines = await handEditedStore();
    const at = lines.findIndex((line) => line.includes('"createdAt"'));
    lines[at] = lines[at]!.replace(/\d+/, "'yesterday'");
    const column = lines[at]!.indexOf("'") + 1;
    expect(damage(lines.join('\n')).problem).toBe(
      `not valid JSON at line ${at + 1}, column ${column}: Unexpected token '''`,
    );
  });

  it('says which record fails validation when the JSON has the wrong shape', async () => {
    const stored = JSON.parse((await handEditedStore()).join('\n'));
    stored.namespaces.kv['declaration:current'].updatedAt = '2026-12-01';
    expect(damage(JSON.stringify(stored)).problem).toBe(
      'a record fails validation: "declaration:current" in namespace "kv" has a "updatedAt" that is not a number (Unix seconds)',
    );
    delete stored.namespaces.kv['declaration:current'].value;
    expect(damage(JSON.stringify(stored)).problem).toMatch(
      /^a record fails validation: "declaration:current" in namespace "kv" has no "value"$/,
    );
    stored.namespaces.kv = {};
    stored.namespaces['entity:review-mark'] = ['acc-1'];
    expect(damage(JSON.stringify(stored)).problem).toBe(
      'a record fails validation: namespace "entity:review-mark" is not an object of records',
    );
  });

  it('says when it is empty, or not a store of this emulator at all', () => {
    expect(damage('').problem).toBe('not valid JSON: the file is empty');
    expect(damage('{"kv":{}}').problem).toBe(
      'not a privacy-disclosure-local-kvs file ("format" is missing or different)',
    );
  });

  it('is moved aside to a named backup beside it, never over an earlier one', () => {
    const text = '{"format":"privacy-disclosure-local-kvs","version":1,"namespaces":{"kv":{';
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const when = new Date('2026-12-03T10:15:30.123Z');
    const backup = moveDamagedStore(file, when);
    expect(backup).toBe(`${file}.damaged-2026-12-03T10-15-30-123Z`);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(backup!, 'utf8')).toBe(text);
    writeFileSync(file, 'a second damaged copy');
    expect(moveDamagedStore(file, when)).toBe(`${file}.damaged-2026-12-03T10-15-30-123Z-2`);
    expect(readFileSync(backup!, 'utf8')).toBe(text);
    expect(moveDamagedStore(file, when)).toBeNull();
  });
});

/** Why the store at `path` cannot be loaded. */
function loadError(path: string): DamagedStoreError {
  try {
    loadStore(path);
  } catch (error) {
    expect(error).toBeInstanceOf(DamagedStoreError);
    return error as DamagedStoreError;
  }
  throw new Error(`${path} loaded`);
}

describe('something else where the store file or its folder should be', () => {
  it('a plain file where its folder should be: named as what is damaged, and left as it is', () => {
    writeFileSync(dirname(file), 'notes');
    const error = loadError(file);
    expect(error).toMatchObject({
      file,
      path: dirname(file),
      problem: 'it is a file, not the folder the local store is kept in',
    });
    expect(() => createLocalForge({ persistFile: file })).toThrow(DamagedStoreError);
    expect(readFileSync(dirname(file), 'utf8')).toBe('notes');
    // Starting over moves the file aside; the store then starts empty and makes its folder.
    const backup = moveDamagedStore(error.path, new Date('2026-12-03T10:15:30.123Z'));
    expect(backup).toBe(`${dirname(file)}.damaged-2026-12-03T10-15-30-123Z`);
    expect(readFileSync(backup!, 'utf8')).toBe('notes');
    expect(loadStore(file)).toEqual({});
  });

  it('a link to nothing: reported, never replaced by a new file, and moved aside as the link', async () => {
    mkdirSync(dirname(file));
    const gone = join(scratch.dir, 'unmounted', 'kvs.json');
    symlinkSync(gone, file);
    expect(loadError(file)).toMatchObject({
      path: file,
      problem: `it is a symbolic link to ${gone}, which does not exist`,
    });
    expect(() => saveStore(file, {})).toThrow(DamagedStoreError);
    expect(readlinkSync(file)).toBe(gone);
    expect(existsSync(gone)).toBe(false);
    const backup = moveDamagedStore(file);
    expect(readlinkSync(backup!)).toBe(gone);
    expect(readdirSync(dirname(file))).toEqual([basename(backup!)]);
  });

  it('a link to a store file: read and written through, and the link stays a link', async () => {
    const elsewhere = join(scratch.dir, 'elsewhere.json');
    forge = createLocalForge({ persistFile: elsewhere }).install();
    await kvs.set('declaration:current', consulting);
    forge.uninstall();
    mkdirSync(dirname(file));
    symlinkSync('../elsewhere.json', file);
    forge = createLocalForge({ persistFile: file }).install();
    expect(await kvs.get('declaration:current')).toEqual(consulting);
    await kvs.set('declaration:previous', exalate);
    expect(readlinkSync(file)).toBe('../elsewhere.json');
    expect(readdirSync(dirname(file))).toEqual(['kvs.json']);
    expect(JSON.parse(readFileSync(elsewhere, 'utf8')).namespaces.kv).toHaveProperty(
      'declaration:previous',
    );
  });

  it.each([
    ['a folder', (path: string) => mkdirSync(path), 'it is a folder, not a file'],
    [
      'a named pipe, without waiting for a writer',
      (path: string) => execFileSync('mkfifo', [path]),
      'it is a named pipe (FIFO), not a file',
    ],
    [
      'a link to a folder',
      (path: string) => symlinkSync(scratch.dir, path),
      'it is a symbolic link to a folder, not a file',
    ],
  ])('%s: reported as damaged', (_, make, problem) => {
    mkdirSync(dirname(file));
    make(file);
    expect(loadError(file)).toMatchObject({ path: file, problem });
  });
});
