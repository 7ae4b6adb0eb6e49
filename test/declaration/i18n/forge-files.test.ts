import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forgeLocaleFiles, I18N_INFO_FILE, LOCALES_FOLDER } from '@declaration/i18n/forge-files.ts';
import { SHIPPED_LOCALES } from '@declaration/i18n/index.ts';
import type * as ForgeBridge from '@forge/bridge';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const manifest: unknown = parse(readFileSync(`${root}manifest.yml`, 'utf8'));
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));

describe('forgeLocaleFiles', () => {
  const files = forgeLocaleFiles(manifest, readJson);

  it('writes each catalogue of the manifest and the info file, and nothing else', () => {
    expect([...files.keys()].sort()).toEqual(
      [...SHIPPED_LOCALES.map((locale) => `${locale}.json`), I18N_INFO_FILE]
        .map((name) => `${LOCALES_FOLDER}/${name}`)
        .sort(),
    );
    for (const locale of SHIPPED_LOCALES) {
      expect(JSON.parse(files.get(`__LOCALES__/${locale}.json`)!)).toEqual(
        readJson(`locales/${locale}.json`),
      );
    }
  });

  it("gives the info file the manifest's locales, fallback and title texts", () => {
    const info = JSON.parse(files.get('__LOCALES__/i18n-info.json')!);
    expect(info.config).toEqual({
      locales: [...SHIPPED_LOCALES],
      fallback: { default: 'en-US', 'pt-PT': ['pt-BR'] },
    });
    expect(info.translations['manifest.pageTitle']['en-US']).toBe('Privacy disclosure');
  });

  it('refuses a manifest without translations, and a catalogue of the wrong shape, by name', () => {
    expect(() => forgeLocaleFiles({ modules: {} }, readJson)).toThrow(
      'manifest.yml: there is no "translations" section, so no catalogue to ship.',
    );
    const broken = (path: string) =>
      path === 'locales/de-DE.json' ? { manifest: { pageTitle: 42 } } : readJson(path);
    expect(() => forgeLocaleFiles(manifest, broken)).toThrow(
      'Catalogue de-DE (locales/de-DE.json): "manifest.pageTitle" must be a string or an object of strings, not a number.',
    );
  });
});

describe("@forge/bridge's i18n over these files", () => {
  const files = forgeLocaleFiles(manifest, readJson);
  let bridge: typeof ForgeBridge;

  beforeAll(async () => {
    // The bridge needs a host to load; its i18n only fetches files relative to the page.
    (globalThis as { __bridge?: unknown }).__bridge = { callBridge: vi.fn() };
    vi.stubGlobal('fetch', async (url: string) => {
      const body = files.get(url.replace(/^\.\//, ''));
      return body === undefined
        ? new Response('not found', { status: 404, statusText: 'Not Found' })
        : new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    bridge = await import('@forge/bridge');
  });

  it('finds every shipped catalogue where Forge looks for it', async () => {
    for (const locale of SHIPPED_LOCALES) {
      const result = await bridge.i18n.getTranslations(locale);
      expect(result.locale).toBe(locale);
      expect(result.translations).toEqual(readJson(`locales/${locale}.json`));
    }
  });

  it('falls back as the manifest says: pt-PT reads pt-BR, sv-SE reads en-US', async () => {
    expect((await bridge.i18n.getTranslations('pt-PT')).locale).toBe('pt-BR');
    expect((await bridge.i18n.getTranslations('sv-SE')).locale).toBe('en-US');
  });
});
