/**
 * Writes this app's first paint into its UI resource, as `privacy-disclosure build` does in a
 * vendor's app: the document part of `privacy/declaration.yaml` (with this app's manifest facts,
 * the ones build:declaration bundles) pre-rendered into static/disclosure/dist/index.html, and
 * the gate script beside it. Run by `npm run build` after build:ui. A missing or failing
 * pre-render module leaves the plain page and says so in one line; an invalid declaration fails.
 *
 *   npm run build:prerender
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { firstPaintFiles, firstPaintLocale } from '../src/cli/build/prerender-ui.ts';
import { MANIFEST, readBundleInput, REPO_ROOT } from './bundle-declaration.ts';

const UI_DIR = join(REPO_ROOT, 'static/disclosure/dist');

const input = await readBundleInput();
if (!input.ok) {
  for (const message of input.messages) console.error(message);
  console.error('build:prerender: the declaration is not valid; nothing was written.');
  process.exit(1);
}
const locale = firstPaintLocale(parse(readFileSync(join(REPO_ROOT, MANIFEST), 'utf8')));
const result = await firstPaintFiles(UI_DIR, input.declaration, input.manifestFacts, locale);
if (!result.ok) {
  console.warn(`build:prerender: ${result.problem}; index.html is left without a first paint.`);
} else {
  for (const file of result.files) writeFileSync(join(UI_DIR, file.name), file.text);
  console.log(
    `build:prerender: ${input.source} pre-rendered into static/disclosure/dist/index.html in ${result.paint.locale} (sha256 ${result.paint.contentHash.slice(0, 12)}…).`,
  );
}
