import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_DECLARATION,
  BUNDLED_PACKAGE_VERSION,
} from '../../src/backend/bundled-declaration.generated.ts';
import { createDisclosureBackend } from '../../src/backend/create-backend.ts';
import { OWN_ADMIN_MODULE_KEYS } from '../../src/backend/module-keys.ts';
import { lifecycle } from '../../src/index.ts';
import { upgradedOwnDeclaration } from './fixtures.ts';
import { READER, useLocalForge } from './forge-harness.ts';

const { forge, call } = useLocalForge();

/** The same app after an upgrade: its bundle carries the next declaration. */
const upgradedApp = createDisclosureBackend({
  declaration: upgradedOwnDeclaration(),
  adminModuleKeys: OWN_ADMIN_MODULE_KEYS,
  fallbackAppVersion: BUNDLED_PACKAGE_VERSION,
});

async function servedAppVersion(): Promise<string> {
  const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
  expect(view.ok, JSON.stringify(view.error)).toBe(true);
  return view.data.version.appVersion;
}

describe('the app version an install or upgrade event carries', () => {
  it('falls back to the package version when the event’s is empty or blank', async () => {
    await lifecycle({ app: { id: 'ari:cloud:ecosystem::app/x', version: '' } });
    expect(await servedAppVersion()).toBe(BUNDLED_PACKAGE_VERSION);

    await upgradedApp.lifecycle({ app: { version: ' \n\t ' } });
    expect(await servedAppVersion()).toBe(BUNDLED_PACKAGE_VERSION);
    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(list.data.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('is cut to 100 characters when longer, and later upgrades still publish', async () => {
    await lifecycle({ app: { version: `2.${'0'.repeat(5000)}` } });
    const recorded = await servedAppVersion();
    expect(recorded).toHaveLength(100);
    expect(recorded).toMatch(/^2\.0+…$/);

    const upgrade = await upgradedApp.lifecycle({ app: { version: '2.1.0' } });
    expect(upgrade).toMatchObject({
      published: true,
      version: { version: 2, appVersion: '2.1.0' },
    });
    expect(await servedAppVersion()).toBe('2.1.0');
  });

  it('is shown without line breaks, escape sequences or direction overrides', async () => {
    await lifecycle({ app: { version: '1.4.0\r\n\u001b[31m\u202ebeta\u2028' } });
    expect(await servedAppVersion()).toBe('1.4.0 [31m beta');
  });

  it('is read from a number, and ignored when it is not a version at all', async () => {
    await lifecycle({ app: { version: 7 as never } });
    expect(await servedAppVersion()).toBe('7');
    forge().clear();
    await lifecycle({ app: { version: { major: 1 } as never } });
    expect(await servedAppVersion()).toBe(BUNDLED_PACKAGE_VERSION);
    forge().clear();
    await lifecycle(null as never);
    expect(await servedAppVersion()).toBe(BUNDLED_PACKAGE_VERSION);
  });

  it('whatever the string, is stored so that every page view can read it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (version) => {
        forge().clear();
        await lifecycle({ app: { version } });
        const recorded = await servedAppVersion();
        expect(recorded.length).toBeGreaterThan(0);
        expect(recorded.length).toBeLessThanOrEqual(100);
        expect(recorded).not.toMatch(/[\p{C}\n]/u);
        expect(recorded).toBe(recorded.trim());
      }),
      { numRuns: 40 },
    );
  });
});

describe('version records an earlier release stored with a bad app version', () => {
  it.each([
    ['empty', '', 'unknown'],
    ['too long', 'x'.repeat(300), `${'x'.repeat(99)}…`],
  ])('(%s) are served, and the next upgrade publishes', async (_name, stored, shown) => {
    await lifecycle({ app: { version: '1.0.0' } });
    // What the release before this fix wrote for such an event: the value as it came, in a
    // version record and a pointer that copied it (no publication record yet).
    const record = (await kvs.get<{ meta: object; chunkCount: number }>(
      'privacy-disclosure:meta:0000001',
    ))!;
    const written = { ...record, meta: { ...record.meta, appVersion: stored } };
    await kvs.set('privacy-disclosure:meta:0000001', written);
    await kvs.set('privacy-disclosure:head:current', written);
    await kvs.delete('privacy-disclosure:v:0000001:published');
    expect(await servedAppVersion()).toBe(shown);
    const upgrade = await upgradedApp.lifecycle({ app: { version: '1.1.0' } });
    expect(upgrade).toMatchObject({ published: true, version: { version: 2 } });
    const first = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(first.data.version.appVersion).toBe(shown);
    expect(first.data.declaration).toEqual(BUNDLED_DECLARATION);
  });
});
