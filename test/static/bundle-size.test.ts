import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRERENDER_GATE_FILE } from '../../static/disclosure/src/prerender-markers.ts';
import { gateScript } from '../../static/disclosure/src/prerender.tsx';
import { tokensDefinedBy, tokensNamedIn } from '../../static/disclosure/src/theme/subset.ts';
import { repoRoot } from './examples.ts';

const KB = 1024;
/**
 * Issue 13's goal for the first view, reached: React and react-dom are 67 KB of it,
 * `@forge/bridge` 11.9 KB, the page's own parts and start-up about 14 KB. The document model
 * and its components are not in it: over a first paint of the served version the page keeps
 * the build's markup (PageIslands). Never raise it to let a change in.
 */
const FIRST_VIEW_REACHED = 100 * KB;
/** Every JavaScript and CSS file of the resource, loaded or not. */
const ALL_FILES_BUDGET = 150 * KB;

const uiRoot = join(repoRoot, 'static/disclosure');
// A fresh build of the current sources, in its own folder: a stale `dist/` can neither pass
// these checks nor be emptied under a preview server that is serving it.
const dist = mkdtempSync(join(tmpdir(), 'disclosure-dist-'));

/** One chunk as the bundler wrote it: its modules and what it imports. */
interface Chunk {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  /** Module ids relative to the repository (`node_modules/...`, `src/...`, `static/...`). */
  modules: string[];
}

const chunks = new Map<string, Chunk>();

/** Records the chunk graph of the build, which the files alone do not tell. */
const recordChunks: Plugin = {
  name: 'record-chunks',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk') continue;
      chunks.set(file.fileName, {
        fileName: file.fileName,
        isEntry: file.isEntry,
        imports: file.imports,
        dynamicImports: file.dynamicImports,
        modules: file.moduleIds.map((id) =>
          relative(repoRoot, id.replace(/\?.*$/, '')).replace(/^.*node_modules\//, 'node_modules/'),
        ),
      });
    }
  },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const gzipped = (fileName: string) => gzipSync(readFileSync(join(dist, fileName))).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The chunk holding a module whose id ends with `moduleEnd`. */
function chunkWith(moduleEnd: string): Chunk {
  const found = [...chunks.values()].find((chunk) =>
    chunk.modules.some((id) => id.endsWith(moduleEnd)),
  );
  if (!found) throw new Error(`No chunk holds ${moduleEnd}`);
  return found;
}

/** `from` and every chunk it imports statically, transitively. */
function withStaticImports(from: Chunk[]): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const next of chunks.get(fileName)?.imports ?? []) visit(next);
  };
  for (const chunk of from) visit(chunk.fileName);
  return seen;
}

/**
 * What the page loads on first view, over the build's first paint of the served version: the
 * entry and its static imports, the CSS, the two lazy chunks `main.tsx` always loads at start,
 * whatever the admin does: `@forge/bridge` (imported lazily only so a missing host is a readable
 * error) and one colour theme (counted as the larger of light and dark), and the first paint's
 * gate script. Everything else is loaded on demand.
 */
function firstView() {
  const entry = [...chunks.values()].filter((chunk) => chunk.isEntry);
  const bridge = chunkWith('node_modules/@forge/bridge/out/index.js');
  const [light, dark] = ['atlassian-light.js', 'atlassian-dark.js'].map(chunkWith);
  const theme = gzipped(light!.fileName) >= gzipped(dark!.fileName) ? light! : dark!;
  const scripts = withStaticImports([...entry, bridge, theme]);
  const styles = filesUnder(dist)
    .filter((path) => path.endsWith('.css'))
    .map((path) => relative(dist, path));
  const files = [
    ...[...scripts, ...styles].map((fileName) => ({ fileName, gzipped: gzipped(fileName) })),
    { fileName: PRERENDER_GATE_FILE, gzipped: gzipSync(gateScript()).length },
  ];
  const lazy = [...chunks.keys()]
    .filter((fileName) => !scripts.has(fileName))
    .map((fileName) => ({ fileName, gzipped: gzipped(fileName) }));
  const modules = [...scripts].flatMap((fileName) => chunks.get(fileName)!.modules);
  return { files, lazy, modules, total: files.reduce((sum, file) => sum + file.gzipped, 0) };
}

function report({ files, lazy }: ReturnType<typeof firstView>): string {
  const line = ({ fileName, gzipped }: { fileName: string; gzipped: number }) =>
    `  ${fileName} ${kb(gzipped)}`;
  return ['first view:', ...files.map(line), 'on demand:', ...lazy.map(line)].join('\n');
}

const nodeEnvBefore = process.env.NODE_ENV;

beforeAll(async () => {
  // Built under the test runner's NODE_ENV=test on purpose: a build started from a test (as the
  // browser suite's setup does) must still be the production page.
  expect(process.env.NODE_ENV).toBe('test');
  await build({
    configFile: join(uiRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true },
    plugins: [recordChunks],
  });
}, 120_000);

afterAll(() => {
  process.env.NODE_ENV = nodeEnvBefore;
  rmSync(dist, { recursive: true, force: true });
});

describe('what the page loads on first view', () => {
  test('stays within what it has reached, gzipped JavaScript and CSS', () => {
    const view = firstView();
    expect(view.files.some(({ fileName }) => fileName.endsWith('.css'))).toBe(true);
    expect(view.total, `first view ${kb(view.total)}\n${report(view)}`).toBeLessThanOrEqual(
      FIRST_VIEW_REACHED,
    );
  });

  test('has no catalogue: every one, English too, is loaded as data through Forge', () => {
    const catalogues = firstView().modules.filter((id) => /locales\/[\w-]+\.json$/.test(id));
    expect(catalogues, 'catalogues in the first view').toEqual([]);
  });

  test('has the review banner but not the versions section: its body loads near the viewport', () => {
    const { modules } = firstView();
    expect(modules).toContain('static/disclosure/src/components/ReviewBanner.tsx');
    expect(modules).toContain('static/disclosure/src/components/Versions.tsx');
    const belowTheFold = [
      'VersionHistory.tsx',
      'VersionTable.tsx',
      'Review.tsx',
      'DiffView.tsx',
      'diff-values.ts',
      'MaterialChanges.tsx',
      'ReviewHistoryDownload.tsx',
    ].map((name) => `static/disclosure/src/components/${name}`);
    expect(modules.filter((id) => belowTheFold.includes(id))).toEqual([]);
    expect(modules.filter((id) => id.endsWith('src/declaration/diff-labels.ts'))).toEqual([]);
    expect(chunkWith('static/disclosure/src/components/DiffView.tsx')).toBe(
      chunkWith('static/disclosure/src/components/VersionHistory.tsx'),
    );
  });

  test('has no document model and none of its components: the first paint is the document', () => {
    const { modules } = firstView();
    const drawing = [
      'src/declaration/document/build.ts',
      'src/declaration/document/data-flow-layout.ts',
      'src/declaration/export/data-flow-svg.ts',
      'static/disclosure/src/components/DisclosurePage.tsx',
      'static/disclosure/src/components/DocumentView.tsx',
      'static/disclosure/src/components/DataCollected.tsx',
      'static/disclosure/src/components/blocks/Flow.tsx',
    ];
    expect(modules.filter((id) => drawing.includes(id))).toEqual([]);
    // The page's own parts are: they are mounted into the first paint.
    expect(modules).toContain('static/disclosure/src/components/PageIslands.tsx');
    expect(chunkWith('static/disclosure/src/components/DocumentView.tsx')).toBe(
      chunkWith('static/disclosure/src/components/DisclosurePage.tsx'),
    );
  });

  test('has no export code: Downloads loads it on click', () => {
    const exportChunk = chunkWith('static/disclosure/src/export-files.ts');
    for (const format of ['markdown.ts', 'csv.ts', 'json.ts']) {
      expect(exportChunk.modules).toContain(`src/declaration/export/${format}`);
    }
    const first = new Set(firstView().modules);
    const exportCode = exportChunk.modules.filter((id) => first.has(id));
    expect(exportCode, 'export modules in the first view').toEqual([]);
  });

  test('has one colour theme, not both', () => {
    const themes = firstView().modules.filter((id) => /atlassian-(light|dark)\.js$/.test(id));
    expect(themes).toHaveLength(1);
  });
});

test('the resource has no iframe-resizer and no lodash path parser: the bridge never uses them here', () => {
  const modules = [...chunks.values()].flatMap((chunk) => chunk.modules);
  expect(modules.filter((id) => id.startsWith('node_modules/iframe-resizer/'))).toEqual([]);
  expect(modules.filter((id) => id.startsWith('node_modules/lodash/'))).toEqual([]);
  expect(modules).toContain('static/disclosure/src/api/lodash-get.ts');
});

test("the bridge's packages get only the tslib helpers they call, and call no other", () => {
  const modules = [...chunks.values()].flatMap((chunk) => chunk.modules);
  expect(modules.filter((id) => id.startsWith('node_modules/tslib/'))).toEqual([]);
  expect(modules).toContain('static/disclosure/src/api/tslib-helpers.ts');
  const called = new Set<string>();
  for (const name of ['bridge', 'i18n', 'egress']) {
    const dir = join(repoRoot, 'node_modules/@forge', name, 'out');
    for (const file of filesUnder(dir).filter((path) => path.endsWith('.js'))) {
      for (const [, helper] of readFileSync(file, 'utf8').matchAll(/\btslib_1\.(__\w+)/g)) {
        called.add(helper!);
      }
    }
  }
  expect(called.size).toBeGreaterThan(0);
  const source = readFileSync(join(uiRoot, 'src/api/tslib-helpers.ts'), 'utf8');
  const given = new Set(
    [...source.matchAll(/^export function (__\w+)/gm)].map((match) => match[1]),
  );
  expect([...called].filter((helper) => !given.has(helper))).toEqual([]);
});

test('every JavaScript and CSS file of the resource, loaded or not, is at most 150 KB gzipped', () => {
  const assets = filesUnder(dist).filter((path) => /\.(js|css)$/.test(path));
  const sizes = assets.map((path) => ({
    fileName: relative(dist, path),
    gzipped: gzipped(relative(dist, path)),
  }));
  const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
  const lines = sizes.map(({ fileName, gzipped }) => `${fileName} ${gzipped} B`);
  expect(total, `gzipped total ${total} B:\n${lines.join('\n')}`).toBeLessThanOrEqual(
    ALL_FILES_BUDGET,
  );
});

test('light and dark each define every token the built page uses', async () => {
  const used = new Set<string>();
  const defined = new Set<string>();
  for (const path of filesUnder(dist).filter((p) => /\.(js|css)$/.test(p))) {
    if (/atlassian-(light|dark)/.test(path)) continue;
    const text = readFileSync(path, 'utf8');
    for (const token of tokensNamedIn(text)) used.add(token);
    // The mode-free themes (spacing, typography, shape) ship in the entry chunk.
    for (const token of text.match(/--ds-[\w-]+(?=:)/g) ?? []) defined.add(token);
  }
  expect(used.size).toBeGreaterThan(40);
  for (const name of ['atlassian-light.js', 'atlassian-dark.js']) {
    const chunk = join(dist, chunkWith(name).fileName);
    const { default: css } = (await import(pathToFileURL(chunk).href)) as { default: string };
    const inTheme = tokensDefinedBy(name, css);
    const missing = [...used].filter((token) => !inTheme.has(token) && !defined.has(token));
    expect(missing, `${name} lacks`).toEqual([]);
  }
});

test('the built page loads its scripts from files, with relative paths (no inline script)', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/src="\.\/assets\//);
    expect(body!.trim()).toBe('');
  }
});

test('the page ships no zod: the UI imports only the zod-free parts of the core', () => {
  // Class names zod registers at run time; minifying keeps these strings.
  const scripts = filesUnder(dist).filter((path) => path.endsWith('.js'));
  for (const path of scripts) {
    const marker = /\$ZodType|ZodError/.exec(readFileSync(path, 'utf8'))?.[0];
    expect(marker, `${path.slice(dist.length + 1)} bundles zod`).toBeUndefined();
  }
});

test('the page is a production build even when built from a test run (no development JSX)', () => {
  // React's production runtime has no jsxDEV: a bundle calling it renders nothing at all.
  const scripts = filesUnder(dist).filter((path) => path.endsWith('.js'));
  for (const path of scripts) {
    expect(readFileSync(path, 'utf8'), path.slice(dist.length + 1)).not.toContain('jsxDEV');
  }
});
