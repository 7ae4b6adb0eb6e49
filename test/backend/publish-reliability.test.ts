import { RESOLVER_KEYS, type Declaration } from '@declaration';
import { describe, expect, it } from 'vitest';
import { DisclosureError } from '../../src/backend/errors.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import { longDeclaration } from './fixtures.ts';
import { READER, useLocalForge } from './forge-harness.ts';

const { forge, call } = useLocalForge();

const techtime = loadExample('examples/techtime-user-management.yaml');
/** TechTime's declaration with its policy quoted at length: three storage chunks. */
const techtimeLong = longDeclaration(techtime, 160);

async function served(): Promise<{ version: number; declaration: Declaration }> {
  const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
  expect(view.ok).toBe(true);
  return { version: view.data.version.version, declaration: view.data.declaration };
}

async function visibleVersions(): Promise<number[]> {
  const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
  return list.data.versions.map((v: { version: number }) => v.version);
}

describe('publishing', () => {
  it('splits a large declaration across keys and reads it back whole', async () => {
    await publishDeclaration(techtime, '1.0.0');
    await publishDeclaration(techtimeLong, '1.1.0');
    const chunks = Object.keys(forge().snapshot()).filter((key) =>
      key.startsWith('privacy-disclosure:v:0000002:chunk:'),
    );
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect((await served()).declaration).toEqual(techtimeLong);
  });

  it('leaves the previous version served when storage fails at any step', async () => {
    await publishDeclaration(techtime, '1.0.0');
    forge().stats.reset();
    await publishDeclaration(techtimeLong, '1.1.0');
    const steps = forge().stats.storageCalls;
    expect(steps).toBeGreaterThanOrEqual(5);

    for (let step = 1; step <= steps; step += 1) {
      forge().clear();
      await publishDeclaration(techtime, '1.0.0');
      forge().faults.failCall(step);
      const failure = await publishDeclaration(techtimeLong, '1.1.0').catch((error) => error);
      expect(failure, `step ${step}`).toBeInstanceOf(DisclosureError);
      expect(failure.code).toBe('STORAGE_ERROR');
      forge().faults.clear();

      expect((await served()).declaration, `step ${step}`).toEqual(techtime);
      expect(await visibleVersions(), `step ${step}`).toEqual([1]);
      const hidden = await call(RESOLVER_KEYS.getVersion, { version: 2 }, READER);
      expect(hidden.error?.code, `step ${step}`).toBe('NOT_FOUND');

      // Trying again completes the same version.
      const retried = await publishDeclaration(techtimeLong, '1.1.0');
      expect(retried.version.version, `step ${step}`).toBe(2);
      expect((await served()).declaration, `step ${step}`).toEqual(techtimeLong);
    }
  });

  it('creates one version when the same declaration is published concurrently', async () => {
    await publishDeclaration(techtime, '1.0.0');
    forge().faults.delay(2);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => publishDeclaration(techtimeLong, '1.1.0')),
    );
    forge().faults.delay(0);
    expect(new Set(results.map((result) => result.version.publishedAt)).size).toBe(1);
    expect(results.every((result) => result.version.version === 2)).toBe(true);
    expect(await visibleVersions()).toEqual([2, 1]);
    expect(
      Object.keys(forge().snapshot()).filter((key) => key.startsWith('privacy-disclosure:meta:')),
    ).toHaveLength(2);
  });

  it('refuses an oversized or invalid declaration and writes nothing', async () => {
    await publishDeclaration(techtime, '1.0.0');
    const before = forge().snapshot();

    const huge = await publishDeclaration(longDeclaration(techtime, 2500), '2.0.0').catch((e) => e);
    expect(huge).toBeInstanceOf(DisclosureError);
    expect(huge.code).toBe('INVALID_DECLARATION');
    expect(huge.message).toMatch(
      /too large to publish: about \d+ KiB of JSON, the limit is \d+ KiB/,
    );

    const broken = structuredClone(techtime) as unknown as {
      dataCategories: { purposes: string[] }[];
    };
    broken.dataCategories[0]!.purposes = ['marketing-newsletters'];
    const invalid = await publishDeclaration(broken, '2.0.0').catch((e) => e);
    expect(invalid.code).toBe('INVALID_DECLARATION');
    expect(invalid.message).toContain('dataCategories[0].purposes[0]');

    expect(forge().snapshot()).toEqual(before);
  });
});
