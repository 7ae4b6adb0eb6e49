import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_LOCALES } from '@declaration/i18n/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppFile } from '../../../src/local/preview/app-files.ts';
import { readHostSettings } from '../../../src/local/preview/model.ts';
import { ROOT, startTestPreview, type TestPreview } from './start-preview.ts';

let preview: TestPreview;
beforeAll(async () => {
  preview = await startTestPreview('examples/exalate-cloud.yaml');
});
afterAll(async () => {
  await preview.stop();
  preview.remove();
});

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(`${preview.server.url}${path}`);
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type'),
  };
}

describe('the language control', () => {
  it('offers every shipped locale, each named in its own language', async () => {
    const { text } = await get('/jira-admin');
    const options = [
      ...text.matchAll(/<option value="([^"]+)" lang="([^"]+)"(?: selected)?>([^<]+)<\/option>/g),
    ];
    expect(options.map(([, value]) => value)).toEqual([...SHIPPED_LOCALES]);
    const names = Object.fromEntries(options.map(([, value, , name]) => [value, name]));
    expect(names).toMatchObject({
      'en-US': 'English (United States)',
      'de-DE': 'Deutsch (Deutschland)',
      'ja-JP': '日本語 (日本)',
      'pl-PL': 'polski (Polska)',
      'zh-CN': '中文（中国）',
    });
    // The host's own words are English; only the locale names are in their languages.
    expect(text).toContain('<html lang="en"');
  });

  it.each([
    ['de-DE', 'de-DE'],
    ['de_DE', 'de-DE'],
    ['de', 'de-DE'],
    ['pt', 'pt-BR'],
    ['ko-KR', 'ko-KR'],
    ['sv-SE', 'en-US'],
    ['', 'en-US'],
  ])('reads ?locale=%s as %s', (query, locale) => {
    expect(readHostSettings(new URLSearchParams({ locale: query })).locale).toBe(locale);
  });
});

describe('catalogues in the frame', () => {
  it('serves the info file and each catalogue where the bridge fetches them', async () => {
    const info = await get('/app/__LOCALES__/i18n-info.json');
    expect(info.status).toBe(200);
    expect(info.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(info.text).config.locales).toEqual([...SHIPPED_LOCALES]);
    for (const locale of SHIPPED_LOCALES) {
      const catalogue = await get(`/app/__LOCALES__/${locale}.json`);
      expect(catalogue.status, locale).toBe(200);
      expect(JSON.parse(catalogue.text)).toEqual(
        JSON.parse(readFileSync(join(ROOT, 'locales', `${locale}.json`), 'utf8')),
      );
    }
  });

  it('answers a locale without a catalogue with a 404 naming it', async () => {
    const missing = await get('/app/__LOCALES__/sv-SE.json');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('No such translation file: __LOCALES__/sv-SE.json');
  });
});

describe('catalogues read afresh from the app', () => {
  let app: string;
  beforeAll(() => {
    app = mkdtempSync(join(tmpdir(), 'preview-locales-'));
    cpSync(join(ROOT, 'manifest.yml'), join(app, 'manifest.yml'));
    cpSync(join(ROOT, 'locales'), join(app, 'locales'), { recursive: true });
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('shows an edited catalogue on the next request, without a build', async () => {
    writeFileSync(
      join(app, 'locales/de-DE.json'),
      JSON.stringify({ manifest: { pageTitle: 'Datenschutzerklärung' } }),
    );
    const file = await serveAppFile(join(app, 'dist'), '/app/__LOCALES__/de-DE.json', app);
    expect(JSON.parse(String(file.body))).toEqual({
      manifest: { pageTitle: 'Datenschutzerklärung' },
    });
    const info = await serveAppFile(join(app, 'dist'), '/app/__LOCALES__/i18n-info.json', app);
    expect(JSON.parse(String(info.body)).translations['manifest.pageTitle']['de-DE']).toBe(
      'Datenschutzerklärung',
    );
  });

  it('says which catalogue is broken and why, instead of serving it', async () => {
    writeFileSync(join(app, 'locales/fr-FR.json'), '{ "manifest": { "pageTitle": ');
    const file = await serveAppFile(join(app, 'dist'), '/app/__LOCALES__/en-US.json', app);
    expect(file.status).toBe(500);
    expect(String(file.body)).toMatch(
      /^The app's translations cannot be served: locales\/fr-FR\.json is not JSON: /,
    );
  });
});
