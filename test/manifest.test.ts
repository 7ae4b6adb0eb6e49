import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@forge/manifest';
import { FORGE_SUPPORTED_LOCALE_CODES, TranslationsGetter } from '@forge/i18n';
import { RESOLVER_KEYS } from '@declaration';
import { resolveLocale, SHIPPED_LOCALES } from '@declaration/i18n/index.ts';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MODULE_KEYS } from '../src/backend/module-keys.ts';
import * as entryPoints from '../src/index.ts';
import { readRepoFile } from './examples/load-example.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const manifest = parse(readRepoFile('manifest.yml'));

/**
 * Validates a copy of manifest.yml in a scratch folder that links to the real `src/` and copies the
 * built UI, or a placeholder page when the UI has not been built: the validator checks that the
 * entry file and resource folder exist, and nothing may be left behind in the repository.
 */
async function validateManifest() {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  try {
    copyFileSync(join(repoRoot, 'manifest.yml'), join(dir, 'manifest.yml'));
    symlinkSync(join(repoRoot, 'src'), join(dir, 'src'), 'dir');
    // The validator reads the translation files (relative to the working directory, which is
    // the repository root here, as it is for `forge deploy`); the link keeps the copy whole.
    symlinkSync(join(repoRoot, 'locales'), join(dir, 'locales'), 'dir');
    const dist = join(repoRoot, 'static/disclosure/dist');
    mkdirSync(join(dir, 'static/disclosure'), { recursive: true });
    if (existsSync(join(dist, 'index.html'))) {
      // Copied, not linked: the validator requires a real directory (lstat).
      cpSync(dist, join(dir, 'static/disclosure/dist'), { recursive: true });
    } else {
      mkdirSync(join(dir, 'static/disclosure/dist'));
      writeFileSync(
        join(dir, 'static/disclosure/dist/index.html'),
        '<!doctype html><title>UI</title>',
      );
    }
    return await validate(false, join(dir, 'manifest.yml'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('manifest.yml', () => {
  it('passes @forge/manifest validation with no errors or warnings', async () => {
    const result = await validateManifest();
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declares the pages, the resolver, the lifecycle trigger and the personal data report the backend expects', () => {
    const { modules } = manifest;
    expect(modules['jira:adminPage'].map((m: { key: string }) => m.key)).toEqual([
      MODULE_KEYS.jiraAdminPage,
    ]);
    expect(modules['jira:globalPage'].map((m: { key: string }) => m.key)).toEqual([
      MODULE_KEYS.jiraGlobalPage,
    ]);
    expect(modules['confluence:globalPage']).toEqual([
      expect.objectContaining({ key: MODULE_KEYS.confluenceGlobalPage, route: 'privacy' }),
    ]);
    expect(modules['confluence:globalSettings'].map((m: { key: string }) => m.key)).toEqual([
      MODULE_KEYS.confluenceGlobalSettings,
    ]);
    const pages = [
      'jira:adminPage',
      'jira:globalPage',
      'confluence:globalPage',
      'confluence:globalSettings',
    ];
    for (const page of pages) {
      expect(modules[page][0]).toMatchObject({
        resource: 'disclosure-ui',
        resolver: { function: 'resolver' },
      });
    }
    expect(modules.trigger[0]).toMatchObject({
      function: 'lifecycle',
      events: ['avi:forge:installed:app', 'avi:forge:upgraded:app'],
    });
    // Atlassian's personal data reporting cycle is 7 days: the report runs once a week.
    expect(modules.scheduledTrigger).toEqual([
      { key: 'privacy-disclosure-personal-data', function: 'personal-data', interval: 'week' },
    ]);
    expect(modules.function).toEqual([
      { key: 'resolver', handler: 'index.handler' },
      { key: 'lifecycle', handler: 'index.lifecycle' },
      { key: 'personal-data', handler: 'index.personalData' },
    ]);
    expect(manifest.resources).toEqual([{ key: 'disclosure-ui', path: 'static/disclosure/dist' }]);
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(Object.values(RESOLVER_KEYS)).toHaveLength(5);
  });

  it('names a function src/index.ts exports for every handler, and a defined function for every trigger', () => {
    const functions = manifest.modules.function as { key: string; handler: string }[];
    for (const { handler } of functions) {
      const [file, name] = handler.split('.');
      expect(file, handler).toBe('index');
      expect(typeof (entryPoints as Record<string, unknown>)[name!], handler).toBe('function');
    }
    const keys = functions.map(({ key }) => key);
    for (const trigger of [...manifest.modules.trigger, ...manifest.modules.scheduledTrigger]) {
      expect(keys, trigger.key).toContain(trigger.function);
    }
  });

  it('declares Jira required and Confluence optional, as Forge asks of an app in both', () => {
    expect(manifest.app.compatibility).toEqual({
      jira: { required: true },
      confluence: { required: false },
    });
  });

  it('asks only for the scopes the code uses, inline styles, and no egress', () => {
    expect([...manifest.permissions.scopes].sort()).toEqual([
      'read:confluence-user',
      // GET /rest/api/3/user/bulk from the page: reviewers by display name.
      'read:jira-user',
      'read:jira-work',
      // privacy.reportPersonalData, from the weekly personal data report.
      'report:personal-data',
      'storage:app',
    ]);
    expect(manifest.permissions.content).toEqual({ styles: ['unsafe-inline'] });
    expect(manifest.permissions.external).toBeUndefined();
    expect(Object.keys(manifest.permissions).sort()).toEqual(['content', 'scopes']);
  });

  it('titles every page with the catalogue key manifest.pageTitle', () => {
    const pages = [
      'jira:adminPage',
      'jira:globalPage',
      'confluence:globalPage',
      'confluence:globalSettings',
    ];
    for (const page of pages) {
      expect(manifest.modules[page][0].title, page).toEqual({ i18n: 'manifest.pageTitle' });
    }
  });

  it('points Forge at one catalogue per shipped locale, falling back to en-US', () => {
    expect(manifest.translations.resources).toEqual(
      SHIPPED_LOCALES.map((locale) => ({ key: locale, path: `locales/${locale}.json` })),
    );
    expect(manifest.translations.fallback.default).toBe('en-US');
    for (const { path } of manifest.translations.resources) {
      expect(JSON.parse(readRepoFile(path)), path).toBeTypeOf('object');
    }
  });

  it('gives every Forge locale the catalogue the page and the CLI choose for it', async () => {
    // Forge picks the titles' language with this lookup (the manifest's fallback), the page and
    // the CLI with resolveLocale: they must agree, or a title and its page differ in language.
    const config = {
      locales: SHIPPED_LOCALES as unknown as string[],
      fallback: manifest.translations.fallback,
    };
    const getter = new TranslationsGetter({
      getI18nInfoConfig: async () => config as never,
      getTranslationResource: async (locale: string) => ({ locale }),
    });
    for (const code of FORGE_SUPPORTED_LOCALE_CODES) {
      const { locale } = await getter.getTranslations(code);
      expect(locale, code).toBe(resolveLocale(code));
    }
  });
});
