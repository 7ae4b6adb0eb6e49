/**
 * `npm run bench`: what the app costs a reader. Prints the gzipped size of the UI's JavaScript and
 * CSS, and the time from navigation until the declaration is fully rendered in Chromium for the
 * app page (in the local preview, over the real resolver) and for the static HTML export of the
 * same declaration, for the largest example and for a generated declaration of 300 data
 * categories and 100 subprocessors. Figures only: nothing here passes or fails on time.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { toHtml } from '../src/declaration/export/html.ts';
import {
  formatLocatedIssue,
  validateDeclarationText,
  type Declaration,
} from '../src/declaration/index.ts';
import { launchChromium, startPreview } from '../test/e2e/harness.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'static/disclosure/dist');
const RUNS = 5;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function ensureBuiltUi(): Promise<void> {
  if (existsSync(join(DIST, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'static/disclosure/vite.config.ts'), logLevel: 'warn' });
}

function bundleSizes(): { js: number; css: number } {
  const sizes = { js: 0, css: 0 };
  for (const file of filesUnder(DIST)) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (kind) sizes[kind] += gzipSync(readFileSync(file)).length;
  }
  return sizes;
}

function parse(text: string, name: string): Declaration {
  const result = validateDeclarationText(text, name);
  if (!result.ok)
    throw new Error(
      `${name} is invalid:\n${result.issues.slice(0, 5).map(formatLocatedIssue).join('\n')}`,
    );
  return result.declaration;
}

/**
 * The largest example grown to 300 data categories and 100 subprocessors: its own entries are
 * kept (so every reference still resolves) and copied under new ids up to those counts.
 */
function generated(base: Declaration): Declaration {
  const categories = base.dataCategories ?? [];
  const recipients = base.recipients ?? [];
  const processors = recipients.filter((recipient) => recipient.kind === 'subprocessor');
  const template = processors.length > 0 ? processors : recipients;
  return {
    ...base,
    dataCategories: [
      ...categories,
      ...Array.from({ length: Math.max(0, 300 - categories.length) }, (_, index) => {
        const category = categories[index % categories.length]!;
        return { ...category, id: `${category.id}-copy-${index + 1}` };
      }),
    ],
    recipients: [
      ...recipients,
      ...Array.from({ length: Math.max(0, 100 - processors.length) }, (_, index) => {
        const recipient = template[index % template.length]!;
        return {
          ...recipient,
          id: `${recipient.id}-copy-${index + 1}`,
          kind: 'subprocessor' as const,
        };
      }),
    ],
  } as Declaration;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from navigation until the app's last section is on screen, median of RUNS. */
async function timeAppPage(browser: Browser, file: string): Promise<number> {
  const preview = await startPreview(file);
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const started = performance.now();
      await page.goto(`${preview.server.url}/jira-admin`);
      const frame = await (await page.waitForSelector('#app-frame')).contentFrame();
      await frame!.waitForSelector('[data-testid="section-downloads"]', { timeout: 60_000 });
      times.push(performance.now() - started);
      await page.close();
    }
    return median(times);
  } finally {
    await preview.stop();
  }
}

/** Milliseconds from navigation until the exported page has loaded, median of RUNS. */
async function timeHtmlExport(
  browser: Browser,
  declaration: Declaration,
  dir: string,
): Promise<number> {
  const file = join(dir, 'export.html');
  writeFileSync(file, toHtml(declaration));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    times.push(performance.now() - started);
    await page.close();
  }
  return median(times);
}

async function main(): Promise<void> {
  await ensureBuiltUi();
  const sizes = bundleSizes();
  console.log(
    `UI bundle (gzipped): JavaScript ${sizes.js} B, CSS ${sizes.css} B, total ${sizes.js + sizes.css} B`,
  );

  const examples = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.yaml'));
  const largest = examples.sort(
    (a, b) => statSync(join(ROOT, 'examples', b)).size - statSync(join(ROOT, 'examples', a)).size,
  )[0]!;
  const largestDeclaration = parse(readFileSync(join(ROOT, 'examples', largest), 'utf8'), largest);
  const big = generated(largestDeclaration);
  const dir = mkdtempSync(join(tmpdir(), 'privacy-bench-'));
  const bigFile = join(dir, 'generated-300-categories-100-subprocessors.yaml');
  writeFileSync(bigFile, stringify(big));
  parse(readFileSync(bigFile, 'utf8'), 'generated declaration');

  const browser = await launchChromium();
  try {
    console.log(
      `\nTime to a fully rendered declaration in Chromium (median of ${RUNS} navigations):`,
    );
    console.log(
      'declaration'.padEnd(56) +
        'app page'.padStart(12) +
        'HTML export'.padStart(14) +
        'ratio'.padStart(9),
    );
    const cases: [string, string, Declaration][] = [
      [`examples/${largest}`, join(ROOT, 'examples', largest), largestDeclaration],
      ['generated: 300 categories, 100 subprocessors', bigFile, big],
    ];
    for (const [label, file, declaration] of cases) {
      const app = await timeAppPage(browser, file);
      const html = await timeHtmlExport(browser, declaration, dir);
      console.log(
        label.padEnd(56) +
          `${app.toFixed(0)} ms`.padStart(12) +
          `${html.toFixed(0)} ms`.padStart(14) +
          `${(app / html).toFixed(1)}x`.padStart(9),
      );
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
