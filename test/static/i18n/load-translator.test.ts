import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forgeLocaleFiles } from '@declaration/i18n/forge-files.ts';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The page's translator loaded through the real `@forge/bridge`, whose `i18n` fetches the files
 * Forge's deploy writes into the resource; `fetch` serves them as the resource would.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const manifest: unknown = parse(readFileSync(`${root}manifest.yml`, 'utf8'));
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));

const GERMAN = { manifest: { pageTitle: 'Datenschutzhinweise' } };
let served = new Map<string, string>();
const requested: string[] = [];

function serve(catalogues: Record<string, unknown> = {}): void {
  served = forgeLocaleFiles(manifest, (path) => {
    const locale = /([a-z]{2}-[A-Z]{2})\.json$/.exec(path)?.[1] ?? '';
    return catalogues[locale] ?? readJson(path);
  });
}

// Before the bridge loads: it looks for its host when imported.
(globalThis as { __bridge?: unknown }).__bridge = { callBridge: vi.fn() };
vi.stubGlobal('fetch', async (url: string) => {
  requested.push(url);
  const body = served.get(url.replace(/^\.\//, ''));
  return body === undefined
    ? new Response('', { status: 404, statusText: 'Not Found' })
    : new Response(body);
});

const { i18n } = await import('@forge/bridge');
const { loadTranslator, NoCatalogueError } =
  await import('../../../static/disclosure/src/i18n/index.ts');

beforeEach(() => {
  i18n.resetTranslationsCache();
  requested.length = 0;
  serve({ 'de-DE': GERMAN });
});

describe('loadTranslator', () => {
  it("reads the host locale's catalogue through Forge, from __LOCALES__", async () => {
    const t = await loadTranslator('de-DE');
    expect(t.locale).toBe('de-DE');
    expect(t.t('manifest.pageTitle')).toBe('Datenschutzhinweise');
    expect(requested).toEqual(['./__LOCALES__/i18n-info.json', './__LOCALES__/de-DE.json']);
  });

  it('matches a locale without a catalogue to its language, as Forge spells it', async () => {
    expect((await loadTranslator('de_AT')).locale).toBe('de-DE');
    expect((await loadTranslator('pt-PT')).locale).toBe('pt-BR');
  });

  it('reads English through Forge as well: the page bundles no catalogue', async () => {
    const t = await loadTranslator('en-GB');
    expect(t.locale).toBe('en-US');
    expect(t.t('manifest.pageTitle')).toBe('Privacy disclosure');
    expect(requested).toEqual(['./__LOCALES__/i18n-info.json', './__LOCALES__/en-US.json']);
  });

  it('reads one catalogue: a key it lacks shows as the key, English is not fetched for it', async () => {
    serve({ 'de-DE': { locale: { unused: 'x' } } });
    const t = await loadTranslator('de-DE');
    expect(t.locale).toBe('de-DE');
    expect(t.t('manifest.pageTitle')).toBe('manifest.pageTitle');
    expect(requested).toEqual(['./__LOCALES__/i18n-info.json', './__LOCALES__/de-DE.json']);
  });

  it("shows the page in English, and says why, when the locale's catalogue cannot be fetched", async () => {
    served.delete('__LOCALES__/ja-JP.json');
    const warn = vi.fn();
    const t = await loadTranslator('ja-JP', warn);
    expect(t.locale).toBe('en-US');
    expect(t.t('manifest.pageTitle')).toBe('Privacy disclosure');
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not load the catalogue for ja-JP: .+ The page is shown in English\.$/,
      ),
    );
  });

  it('says why in an error when no catalogue can be fetched, not even English', async () => {
    served = new Map();
    const failure = loadTranslator('ja-JP', vi.fn());
    await expect(failure).rejects.toBeInstanceOf(NoCatalogueError);
    await expect(failure).rejects.toThrow(
      'Could not load the catalogue for ja-JP: Failed to get i18n info config Could not load the catalogue for en-US: Failed to get i18n info config',
    );
  });

  it('shows the page in English, and names the entry, when the catalogue is damaged', async () => {
    // Damaged after the deploy checked it, as a resource served from a bad cache might be.
    served.set('__LOCALES__/de-DE.json', JSON.stringify({ manifest: { pageTitle: ['x'] } }));
    const warn = vi.fn();
    const t = await loadTranslator('de-DE', warn);
    expect(t.locale).toBe('en-US');
    expect(warn).toHaveBeenCalledWith(
      'Catalogue de-DE: "manifest.pageTitle" must be a string or an object of strings, not an array. The page is shown in English.',
    );
  });
});
