import { kvs } from '@forge/kvs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalForge, type LocalForge } from '../../../src/local/forge/index.ts';
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
    const blocked = join(scratch.dir, 'not-a-dir');
    writeFileSync(blocked, 'a plain file where a directory should be');
    forge = createLocalForge({ persistFile: join(blocked, 'kvs.json') }).install();
    await expect(kvs.set('declaration:current', consulting)).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
    });
    expect(forge.snapshot()).toEqual({});
    expect(await kvs.get('declaration:current')).toBeUndefined();
  });

  it('refuses a damaged file with a message naming it, and does not overwrite it', () => {
    const damaged = join(scratch.dir, 'kvs.json');
    writeFileSync(
      damaged,
      '{"format":"privacy-disclosure-local-kvs","version":1,"namespaces":{"kv":{"declaration:cur',
    );
    expect(() => createLocalForge({ persistFile: damaged })).toThrow(/kvs\.json is not valid JSON/);
    expect(readFileSync(damaged, 'utf8')).toContain('declaration:cur');
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
