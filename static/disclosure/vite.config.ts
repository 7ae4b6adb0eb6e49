import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { parse } from 'yaml';
import { forgeLocaleFiles } from '../../src/declaration/i18n/forge-files.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The Forge app this UI belongs to: its manifest.yml names the catalogues. */
const appDir = here('../../');

/** Reads a JSON file of the app, naming it when it is not JSON. */
function readJson(path: string): unknown {
  const file = resolve(appDir, path);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Writes the catalogues into the built resource where `@forge/bridge`'s `i18n` fetches them
 * (`__LOCALES__/<locale>.json` and `__LOCALES__/i18n-info.json`), as Forge's deploy does, so the
 * prebuilt UI also reads them in an app whose manifest has no translations of its own.
 */
function forgeLocales(): Plugin {
  return {
    name: 'forge-locales',
    generateBundle() {
      const manifestFile = resolve(appDir, 'manifest.yml');
      this.addWatchFile(manifestFile);
      const manifest: unknown = parse(readFileSync(manifestFile, 'utf8'));
      for (const [fileName, source] of forgeLocaleFiles(manifest, readJson)) {
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
  };
}

/**
 * Builds the Custom UI into `dist/` (the manifest's resource path). `base: './'` because Forge
 * serves the resource from an unknown path; scripts stay external files because the Custom UI
 * content security policy forbids inline scripts.
 */
export default defineConfig(({ command }) => {
  // A build is always the production page, even when started from a test runner that sets
  // NODE_ENV=test: Vite derives "production" from NODE_ENV after loading this file, and with
  // anything else the React plugin emits development JSX calls (jsxDEV) that the production
  // React runtime does not have, and the page never renders.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config(command);
});

function config(command: 'build' | 'serve') {
  return {
    root: here('./'),
    // The root tsconfig.json is Forge's and covers only the Forge functions; the UI compiles with
    // the repository's development options (JSX, DOM) like the typecheck does.
    tsconfig: here('../../tsconfig.dev.json'),
    base: './',
    plugins: [react(), forgeLocales()],
    // A build is always the production page, even when started from a test runner that sets
    // NODE_ENV=test (React would otherwise ship its development build, three times larger).
    define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    resolve: {
      alias: [
        { find: /^@declaration$/, replacement: here('../../src/declaration/index.ts') },
        { find: /^@declaration\/(.*)$/, replacement: here('../../src/declaration/$1') },
      ],
    },
    build: {
      outDir: here('./dist'),
      emptyOutDir: true,
      target: 'es2022',
      // A data: URL for a small asset would be inlined into the page; keep everything a file.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: false,
    },
  };
}
