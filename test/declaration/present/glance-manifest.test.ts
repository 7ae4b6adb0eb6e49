import { describe, expect, it } from 'vitest';
import { readManifestFacts, toHtml, toMarkdown, type Declaration } from '@declaration';
import { glanceSection } from '@declaration/document/glance.ts';
import type { Inline } from '@declaration/document/model.ts';
import {
  createTranslator,
  ENGLISH,
  loadCatalogue,
  type Translator,
} from '@declaration/i18n/index.ts';
import {
  publishedManifestFacts,
  type PublishedManifestFacts,
} from '@declaration/manifest/published.ts';
import { BUNDLED_MANIFEST_FACTS } from '../../../src/backend/bundled-declaration.generated.ts';
import { loadExample, readRepoFile } from '../../examples/load-example.ts';

// "Checked against the app's manifest" at a glance: what manifest.yml showed when the version
// was built, beside what the vendor declares, in the reader's language.

const FIXTURES = 'test/fixtures/manifests';
const worklog = loadExample(`${FIXTURES}/worklog-sync/declaration.yaml`);

function factsOf(path: string): PublishedManifestFacts {
  const read = readManifestFacts(readRepoFile(path));
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return publishedManifestFacts(read.facts);
}

function text(run: Inline): string {
  return run
    .map((part) =>
      typeof part === 'string' ? part : part.kind === 'link' ? text(part.text) : part.text,
    )
    .join('');
}

/** The manifest card's lines; undefined when the card is not there. */
function card(
  manifest: PublishedManifestFacts | null | undefined,
  translator: Translator = ENGLISH,
  declaration: Declaration = worklog,
): string[] | undefined {
  for (const block of glanceSection(declaration, translator, manifest).blocks) {
    if (block.kind !== 'definitions') continue;
    const item = block.items.find((entry) => entry.key === 'glance-manifest');
    if (item) return item.details.map(text);
  }
  return undefined;
}

describe('the manifest card', () => {
  it('names the domains by the lists that reach them, no remote, and what prevents Runs on Atlassian', () => {
    expect(card(factsOf(`${FIXTURES}/worklog-sync/manifest.yml`))).toEqual([
      'Sends data to these domains: api.timesheets.example-sync.com (backend fetch) and *.avatars.example-sync.com (images)',
      'Uses no remote',
      'Runs on Atlassian: no, because of egress the customer cannot block (api.timesheets.example-sync.com and *.avatars.example-sync.com)',
    ]);
  });

  it('names each remote with its hosts', () => {
    // No egress but a remote: where data goes is the remote, so no "no domain" line.
    expect(card(factsOf(`${FIXTURES}/release-notes-remote/manifest.yml`))).toEqual([
      'Uses remotes: notes-service (us.notes.example-relnotes.io, eu.notes.example-relnotes.io, and au.notes.example-relnotes.io)',
      'Runs on Atlassian: no, because of a web trigger without a static response (deployment-events) and a remote (notes-service)',
    ]);
  });

  it("says this app's own manifest sends nothing out and allows Runs on Atlassian", () => {
    expect(card(BUNDLED_MANIFEST_FACTS)).toEqual([
      'Sends data to no domain outside Atlassian',
      'Uses no remote',
      'Runs on Atlassian: yes',
    ]);
  });

  it('says a version published without facts was not checked, and is left out of a file export', () => {
    expect(card(null)).toEqual(['Not checked against a manifest']);
    expect(card(undefined)).toBeUndefined();
  });

  it('speaks the reader’s language', async () => {
    const de = createTranslator('de-DE', await loadCatalogue('de-DE'));
    expect(card(factsOf(`${FIXTURES}/worklog-sync/manifest.yml`), de)).toEqual([
      'Sendet Daten an diese Domains: api.timesheets.example-sync.com (Abruf aus dem Backend) und *.avatars.example-sync.com (Bilder)',
      'Nutzt kein Remote',
      'Runs on Atlassian: nein (verhindert durch: Datenverkehr nach außen, den der Kunde nicht sperren kann (api.timesheets.example-sync.com und *.avatars.example-sync.com))',
    ]);
    const ja = createTranslator('ja-JP', await loadCatalogue('ja-JP'));
    expect(card(null, ja)).toEqual(['マニフェストとは照合されていません']);
  });

  it('reaches the HTML and Markdown exports when facts are given', () => {
    const facts = factsOf(`${FIXTURES}/worklog-sync/manifest.yml`);
    const html = toHtml(worklog, { manifest: facts });
    expect(html).toContain('Checked against the app&#39;s manifest');
    expect(html).toContain('api.timesheets.example-sync.com');
    expect(toHtml(worklog)).not.toContain('Checked against the app&#39;s manifest');
    const markdown = toMarkdown(worklog, { manifest: facts });
    expect(markdown).toContain(
      'Runs on Atlassian: no, because of egress the customer cannot block',
    );
    expect(toMarkdown(worklog)).not.toContain('Runs on Atlassian');
  });
});
