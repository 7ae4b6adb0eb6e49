/**
 * `npm run bench [-- --runs N] [--no-build]`: what the app costs a reader, measured honestly.
 *
 * For three declarations (the largest example by bytes; that example grown to 300 data
 * categories and 100 subprocessors; and the example with 100 versions in its history), it times
 * the app page in the local preview (the real resolver over the local Forge storage emulator)
 * and the static HTML export of the same declaration, each from the top page's navigation start
 * to the first paint that holds the whole declaration, measured the same way inside the page (see
 * `bench-probe.ts`: no Playwright polling, no `load` event). Each page is loaded once to warm
 * up, then N times (at least 9; app and export alternate so drift hits both alike), each in a
 * fresh browser context, and the median and spread are printed. The export is also measured as
 * the app's frame, in the same host page served by the same preview: that is what the host page
 * and the iframe's own navigation cost any document there, apart from what the app's page does.
 *
 * It also prints the JavaScript and CSS the app's frame fetched on first view, gzipped as
 * Forge's CDN would serve it (counted from the network log), apart from the size of every file
 * of the built UI; the storage requests and resolver calls per page view (counted by the local
 * storage emulator and the network log); and the CLI's `validate` time. Chromium runs with the
 * omnibox WebUI features off: headless Chromium otherwise starts a WebUI renderer for every new
 * page that keeps a core busy for about 300 ms, while the page loads.
 *
 * The UI is built from the current sources into a folder of its own (not `static/disclosure/dist`,
 * which a running preview may be serving); `--no-build` measures `static/disclosure/dist` as it
 * is. Results go to stdout and to `bench-results/bench-<time>.json`. Figures only: nothing here
 * passes or fails on time, and other work on the machine skews them (the load average is printed).
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { toHtml } from '../src/declaration/export/html.ts';
import {
  formatLocatedIssue,
  validateDeclarationText,
  type Declaration,
} from '../src/declaration/index.ts';
import { launchChromium } from '../test/e2e/harness.ts';
import { timeValidate } from './bench-cli.ts';
import {
  grownDeclaration,
  largestBySize,
  subprocessorPool,
  versionHistory,
} from './bench-declarations.ts';
import { startBenchPreview, startFramedExport, servePage } from './bench-preview.ts';
import {
  formatReport,
  isHostFile,
  isScriptOrStyle,
  type BenchResults,
  type CaseResult,
  type PageTimes,
} from './bench-report.ts';
import { summarise } from './bench-stats.ts';
import { measureView, type View } from './bench-view.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Headless Chromium's omnibox WebUI renderer, started for every new page, stays out. */
const QUIET_FLAGS = [
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
const MIN_RUNS = 9;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Builds the page and its pre-render module, as `npm run build:ui` does, into `outDir` and
 * `prerenderDir`: the preview pre-renders the served version's first paint with that module, as
 * a deployed app's build does.
 */
async function buildUi(outDir: string, prerenderDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'static/disclosure/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  await build({
    configFile: join(ROOT, 'static/disclosure/vite.prerender.config.ts'),
    logLevel: 'warn',
    build: { outDir: prerenderDir, emptyOutDir: true },
  });
}

function parse(text: string, name: string): Declaration {
  const result = validateDeclarationText(text, name);
  if (!result.ok)
    throw new Error(
      `${name} is invalid:\n${result.issues.slice(0, 5).map(formatLocatedIssue).join('\n')}`,
    );
  return result.declaration;
}

/** The selector of the declaration's last section, as the export and the page both give it an id. */
function lastSectionSelector(html: string): string {
  const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((match) => match[1]!);
  const last = ids.at(-1);
  if (!last) throw new Error('The HTML export has no section with an id to wait for.');
  return `section[id="${last}"]`;
}

function times(views: View[], pick: (view: View) => number | null, what: string) {
  const values = views.map(pick);
  return values.every((value): value is number => value !== null) ? summarise(values, what) : null;
}

function pageTimes(views: View[], what: string): PageTimes {
  return {
    declaration: summarise(
      views.map((view) => view.declaration),
      what,
    ),
    firstContentfulPaint: times(views, (view) => view.firstContentfulPaint, `${what}, FCP`),
    settled: summarise(
      views.map((view) => view.settled),
      `${what}, settled`,
    ),
    runs: views.map((view) => view.declaration),
  };
}

interface Case {
  label: string;
  history: Declaration[];
}

async function measureCase(
  browser: Browser,
  { label, history }: Case,
  ui: { dir: string; prerenderModule: string },
  runs: number,
): Promise<CaseResult> {
  const current = history.at(-1)!;
  const html = toHtml(current);
  const selector = lastSectionSelector(html);
  const preview = await startBenchPreview({
    history,
    uiDir: ui.dir,
    prerenderModule: ui.prerenderModule,
    appDir: ROOT,
  });
  const page = await servePage(html);
  let framed: Awaited<ReturnType<typeof startFramedExport>> | undefined;
  let previewRunning = true;
  try {
    const app: View[] = [];
    const exported: View[] = [];
    const exportedInFrame: View[] = [];
    const storage: { total: number; byOperation: Record<string, number> }[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const stats = preview.backend.forge!.stats;
      stats.reset();
      const appView = await measureView(browser, {
        url: `${preview.url}/jira-admin`,
        selector,
        frame: 'app',
      });
      const staticView = await measureView(browser, { url: page.url, selector, frame: 'top' });
      // Run 0 warms up the server, the resolver and the browser's own caches of code.
      if (run === 0) continue;
      app.push(appView);
      exported.push(staticView);
      storage.push({ total: stats.storageCalls, byOperation: { ...stats.byOperation } });
    }
    // The export in the app's frame, once the app's preview has stopped: the local Forge runtime
    // is one per process, so two previews cannot serve at once.
    const versions = preview.versions;
    await preview.stop();
    previewRunning = false;
    framed = await startFramedExport({ declaration: current, html, appDir: ROOT });
    for (let run = 0; run <= runs; run += 1) {
      const framedView = await measureView(browser, {
        url: `${framed.url}/jira-admin`,
        selector,
        frame: 'app',
      });
      if (run > 0) exportedInFrame.push(framedView);
    }
    const appTimes = pageTimes(app, `${label}, app page`);
    const staticTimes = pageTimes(exported, `${label}, static export`);
    const framedTimes = pageTimes(exportedInFrame, `${label}, static export in the app's frame`);
    const files = app[0]!.files;
    const totals = storage.map((view) => view.total);
    return {
      label,
      yamlBytes: Buffer.byteLength(stringify(current)),
      versions,
      app: appTimes,
      staticExport: staticTimes,
      ratio: appTimes.declaration.median / staticTimes.declaration.median,
      exportInFrame: framedTimes,
      frameRatio: appTimes.declaration.median / framedTimes.declaration.median,
      firstPaints: app.reduce<Record<string, number>>((counts, view) => {
        const state = view.firstPaint ?? 'none';
        counts[state] = (counts[state] ?? 0) + 1;
        return counts;
      }, {}),
      firstView: {
        scriptAndStyleGzipped: files
          .filter((file) => isScriptOrStyle(file) && !isHostFile(file))
          .reduce((sum, file) => sum + file.gzipped, 0),
        files,
        invokes: app[0]!.invokes,
        storageRequests: {
          min: Math.min(...totals),
          max: Math.max(...totals),
          byOperation: storage[0]!.byOperation,
        },
      },
      staticExportGzipped: gzipSync(html).length,
    };
  } finally {
    await page.stop();
    await framed?.stop();
    if (previewRunning) await preview.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: `${MIN_RUNS}` }, 'no-build': { type: 'boolean' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number, not "${values.runs}".`);
  if (runs < MIN_RUNS)
    console.warn(`Only ${runs} runs: the figures need at least ${MIN_RUNS} to mean much.`);
  const loadBefore = loadavg()[0]!;
  const started = performance.now();

  const scratch = mkdtempSync(join(tmpdir(), 'privacy-bench-'));
  try {
    const uiDir = values['no-build'] ? join(ROOT, 'static/disclosure/dist') : join(scratch, 'ui');
    const prerenderDir = values['no-build']
      ? join(ROOT, 'static/disclosure/prerender')
      : join(scratch, 'prerender');
    if (!values['no-build']) await buildUi(uiDir, prerenderDir);
    const ui = { dir: uiDir, prerenderModule: join(prerenderDir, 'prerender.js') };
    const uiFiles = filesUnder(uiDir)
      .map((path) => {
        const bytes = readFileSync(path);
        return {
          path: relative(uiDir, path),
          bytes: bytes.length,
          gzipped: gzipSync(bytes).length,
        };
      })
      .sort((a, b) => a.path.localeCompare(b.path));

    const exampleDir = join(ROOT, 'examples');
    const examples = readdirSync(exampleDir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ name, bytes: statSync(join(exampleDir, name)).size }));
    const declarations = examples.map(({ name }) =>
      parse(readFileSync(join(exampleDir, name), 'utf8'), `examples/${name}`),
    );
    const largest = largestBySize(examples);
    const base = declarations[examples.findIndex((example) => example.name === largest.name)]!;
    const pool = subprocessorPool(declarations);
    const cases: Case[] = [
      { label: `examples/${largest.name}`, history: [base] },
      {
        label: 'generated: 300 categories, 100 subprocessors',
        history: [grownDeclaration(base, pool, { dataCategories: 300, subprocessors: 100 })],
      },
      {
        label: `examples/${largest.name}, 100 versions`,
        history: versionHistory(base, pool, 100),
      },
    ];

    const browser = await launchChromium(QUIET_FLAGS);
    const chromium = `Chromium ${browser.version()}`;
    const results: CaseResult[] = [];
    try {
      for (const benchCase of cases) {
        console.error(`Measuring ${benchCase.label} ...`);
        results.push(await measureCase(browser, benchCase, ui, runs));
      }
    } finally {
      await browser.close();
    }
    console.error('Timing the CLI ...');
    const cli = timeValidate(ROOT, join('examples', largest.name), MIN_RUNS);

    const report: BenchResults = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium,
      },
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
      runs,
      ui: { dir: values['no-build'] ? 'static/disclosure/dist' : 'a fresh build', files: uiFiles },
      cases: results,
      cliValidate: summarise(cli, 'the CLI validate'),
    };
    console.log(formatReport(report));
    const out = join(ROOT, 'bench-results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `bench-${report.measuredAt.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `\nWritten to ${relative(ROOT, file)} in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
