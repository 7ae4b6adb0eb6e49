import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { parse } from 'yaml';
import { forgeLocaleFiles } from '../../src/declaration/i18n/forge-files.ts';
import { subsetTheme, tokensDefinedBy, tokensNamedIn } from './src/theme/subset.ts';

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

/** The module that stands in for iframe-resizer inside `@forge/bridge` (see below). */
const NO_IFRAME_RESIZER = '\0no-iframe-resizer';

/**
 * Keeps iframe-resizer (29 KB, 10 KB gzipped) out of the resource folder. `@forge/bridge` is
 * loaded through its public entry (its package.json `exports` allow only `.` and `./realtime`, so
 * no leaner path of the package exists), and that entry reaches iframe-resizer in one place:
 * `view.createAdfRendererIframeProps`, for a Forge macro that embeds Atlassian's ADF renderer in
 * a child iframe, runs `await import('iframe-resizer')` when it is called. This page embeds no
 * such iframe and never calls it, yet the bundler would still emit the resizer as a chunk. Only
 * that import, and only from inside `@forge/bridge`, resolves here to a small module whose one
 * function says why it is missing: the rest of the bridge, and the host protocol it speaks
 * (`__bridge.callBridge`), are untouched. `build.rollupOptions.external` would drop the chunk
 * too, but would leave a bare `import('iframe-resizer')` that fails with an unreadable error.
 */
function withoutIframeResizer(): Plugin {
  return {
    name: 'without-iframe-resizer',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromBridge = importer !== undefined && /[\\/]@forge[\\/]bridge[\\/]/.test(importer);
      return source === 'iframe-resizer' && fromBridge ? NO_IFRAME_RESIZER : null;
    },
    load(id) {
      if (id !== NO_IFRAME_RESIZER) return null;
      return [
        'export function iframeResizer() {',
        "  throw new Error('This page does not bundle iframe-resizer: it embeds no ADF renderer iframe.');",
        '}',
        'export default { iframeResizer };',
      ].join('\n');
    },
  };
}

/**
 * `@forge/i18n` (inside the bridge) reads a translation key with `lodash/get`, which brings
 * lodash's path parser and caches along (2 KB gzipped, a fifth of the bridge's own code). Only
 * for that importer it resolves to `src/api/lodash-get.ts`: lodash's algorithm for the one form
 * the bridge calls it with, a list of keys (a test holds it to lodash's answers).
 */
function smallLodashGet(): Plugin {
  return {
    name: 'small-lodash-get',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromForgeI18n = importer !== undefined && /[\\/]@forge[\\/]i18n[\\/]/.test(importer);
      return source === 'lodash/get' && fromForgeI18n ? here('./src/api/lodash-get.ts') : null;
    },
  };
}

/**
 * The bridge's packages (`@forge/bridge`, `@forge/i18n`, `@forge/egress`) are CommonJS compiled
 * with TypeScript's `importHelpers`: each `require("tslib")`, which keeps all of tslib's helpers
 * (5 KB gzipped) for the three they call. Only for those importers it resolves to
 * `src/api/tslib-helpers.ts`, those three as tslib writes them (a test holds the list).
 */
function onlyUsedTslibHelpers(): Plugin {
  return {
    name: 'only-used-tslib-helpers',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromForge = importer !== undefined && /[\\/]@forge[\\/]/.test(importer);
      return source === 'tslib' && fromForge ? here('./src/api/tslib-helpers.ts') : null;
    },
  };
}

/** The theme modules of @atlaskit/tokens the page imports (`src/theme/install.ts`). */
const TOKEN_THEME =
  /[\\/]@atlaskit[\\/]tokens[\\/]dist[\\/]esm[\\/]artifacts[\\/]themes[\\/]([\w-]+)\.js$/;

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Ships each token theme with only the tokens the page uses: those named in the UI's sources
 * (its CSS and components) and in the CSS reset it imports. The light theme goes from 3.3 KB to
 * under 1 KB gzipped. The built page is then checked: a token it refers to that a theme defines
 * but the cut dropped (say, from a newly imported Atlaskit package) fails the build by name.
 */
function onlyUsedTokens(): Plugin {
  const sources = [
    ...filesUnder(here('./src')).filter((path) => /\.(css|tsx?)$/.test(path)),
    createRequire(import.meta.url).resolve('@atlaskit/css-reset'),
  ];
  const used = new Set<string>();
  const droppable = new Set<string>();
  return {
    name: 'only-used-tokens',
    buildStart() {
      used.clear();
      for (const file of sources) {
        this.addWatchFile(file);
        for (const token of tokensNamedIn(readFileSync(file, 'utf8'))) used.add(token);
      }
    },
    transform(code, id) {
      const theme = TOKEN_THEME.exec(id)?.[1];
      if (!theme) return null;
      // Each theme module is `export default "<the CSS>";` after a comment.
      const literal = /export default ("(?:[^"\\]|\\.)*");\s*$/.exec(code)?.[1];
      if (!literal) this.error(`${id}: not a token theme module of the expected form`);
      const css = JSON.parse(literal) as string;
      for (const token of tokensDefinedBy(theme, css)) if (!used.has(token)) droppable.add(token);
      return {
        code: `export default ${JSON.stringify(subsetTheme(theme, css, used))};`,
        map: null,
      };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        const text = file.type === 'chunk' ? file.code : String(file.source);
        if (!/\.(js|css)$/.test(file.fileName)) continue;
        for (const token of tokensNamedIn(text)) {
          if (droppable.has(token) && !used.has(token)) {
            this.error(`${file.fileName} uses ${token}, which the token themes were cut without`);
          }
        }
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
    plugins: [
      react(),
      forgeLocales(),
      withoutIframeResizer(),
      smallLodashGet(),
      onlyUsedTslibHelpers(),
      onlyUsedTokens(),
    ],
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
