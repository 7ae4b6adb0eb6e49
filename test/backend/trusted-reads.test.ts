import { RESOLVER_KEYS } from '@declaration';
import { parseDeclaration } from '@declaration/parse.ts';
import type * as ParseModule from '@declaration/parse.ts';
import { CURRENT_SCHEMA_VERSION } from '@declaration/schema/declaration.ts';
import { kvs } from '@forge/kvs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KEYS as K } from '../../src/backend/keys.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import { READER, useLocalForge } from './forge-harness.ts';
import { storeAsRelease01, versionOneDocument } from './release-0.1-storage.ts';

// The validator, counted: a read that trusts the hash must not call it.
vi.mock('@declaration/parse.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ParseModule>();
  return { ...actual, parseDeclaration: vi.fn(actual.parseDeclaration) };
});

const { forge, call } = useLocalForge();
const techtime = loadExample('examples/techtime-user-management.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');
const validations = vi.mocked(parseDeclaration);

function chunkKeys(version: number): string[] {
  const prefix = `${K.versionPrefix(version)}chunk:`;
  return Object.keys(forge().snapshot()).filter((key) => key.startsWith(prefix));
}

beforeEach(() => validations.mockClear());

describe('a stored declaration whose content hash matches', () => {
  it('is parsed and served without the validator, as it was published', async () => {
    await publishDeclaration(techtime, '1.0.0');
    await publishDeclaration(exalate, '1.1.0');
    // Publishing validates (the count works), reading does not.
    expect(validations).toHaveBeenCalled();
    validations.mockClear();

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.ok).toBe(true);
    expect(view.data.declaration).toEqual(parseOk(exalate));
    const older = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(older.data.declaration).toEqual(parseOk(techtime));
    validations.mockClear();
    const diff = await call(RESOLVER_KEYS.diffVersions, { from: 1, to: 2 }, READER);
    expect(diff.ok).toBe(true);
    const first = await call(RESOLVER_KEYS.listVersions, { withDefaultDiff: true }, READER);
    expect(first.data.defaultDiff).toEqual(diff.data);
    expect(validations).not.toHaveBeenCalled();
  });

  it('is refused as CORRUPT_DATA when one byte of a piece changed in storage', async () => {
    await publishDeclaration(techtime, '1.0.0');
    const [piece] = chunkKeys(1);
    const text = (await kvs.get<string>(piece!))!;
    const at = text.indexOf('TechTime');
    expect(at).toBeGreaterThan(0);
    // One character, one byte: "TechTime" becomes "TechTimf".
    const flipped = `${text.slice(0, at + 7)}f${text.slice(at + 8)}`;
    expect(flipped).toHaveLength(text.length);
    await kvs.set(piece!, flipped);

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.ok).toBe(false);
    expect(view.error.code).toBe('CORRUPT_DATA');
    expect(view.error.message).toContain('its content hash does not match');
    const older = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(older.error.code).toBe('CORRUPT_DATA');
  });
});

describe('a stored declaration in an older format', () => {
  it('still goes through the validator and its migrations, and is served in the current one', async () => {
    const document = versionOneDocument('exalate-cloud.yaml');
    await storeAsRelease01(document, 1, '2026-06-01T09:00:00.000Z');
    await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    validations.mockClear();

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.ok).toBe(true);
    expect(view.data.declaration.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(document.schemaVersion).toBe(1);
    expect(validations).toHaveBeenCalledTimes(1);
    expect(validations.mock.calls[0]![0]).toMatchObject({ schemaVersion: 1 });
  });
});

function parseOk(value: unknown) {
  const parsed = parseDeclaration(value);
  if (!parsed.ok) throw new Error('the example does not validate');
  return parsed.declaration;
}
