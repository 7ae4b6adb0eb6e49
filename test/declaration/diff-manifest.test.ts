import { describe, expect, it } from 'vitest';
import { diffDeclarations, readManifestFacts } from '@declaration';
import { diffManifestFacts } from '@declaration/diff-manifest.ts';
import { publishedManifestFacts } from '@declaration/manifest/published.ts';
import { loadExample, readRepoFile } from '../examples/load-example.ts';

const FIXTURES = 'test/fixtures/manifests';

function factsOf(path: string) {
  const read = readManifestFacts(readRepoFile(path));
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return publishedManifestFacts(read.facts);
}

const summary = (entries: { kind: string; key: string }[]) =>
  entries.map((entry) => `${entry.kind} ${entry.key}`);

describe('what an upgrade changes in what the manifest shows', () => {
  it('names egress domains added, with the list they are in', () => {
    const before = factsOf(`${FIXTURES}/worklog-sync/manifest.yml`);
    const after = factsOf(`${FIXTURES}/worklog-sync/manifest-2.0.yml`);
    expect(summary(diffManifestFacts(before, after))).toEqual([
      'added egress:fetch.backend:hooks.slack.com',
      'added egress:fonts:fonts.gstatic.com',
    ]);
    expect(summary(diffManifestFacts(after, before))).toEqual([
      'removed egress:fetch.backend:hooks.slack.com',
      'removed egress:fonts:fonts.gstatic.com',
    ]);
  });

  it('names a remote added, and Runs on Atlassian lost', () => {
    const before = factsOf(`${FIXTURES}/jsm-checklist/manifest.yml`);
    const withRemote = structuredClone(before);
    withRemote.remotes.push({
      key: 'summary-service',
      hosts: ['ai.example-checklist.com'],
      operations: ['compute'],
      handlesInScopeData: true,
    });
    withRemote.runsOnAtlassian = {
      eligible: false,
      blockers: [{ criterion: 'remote', entry: 'remotes: summary-service' }],
    };
    const eligibleBefore = { ...before, runsOnAtlassian: { eligible: true, blockers: [] } };
    const entries = diffManifestFacts(eligibleBefore, withRemote);
    expect(summary(entries)).toEqual(['added remote:summary-service', 'changed runsOnAtlassian']);
    expect(entries[1]!.fields).toEqual([{ path: 'runsOnAtlassian', before: true, after: false }]);
  });

  it('names what changed about a domain it still reaches', () => {
    const before = factsOf(`${FIXTURES}/worklog-sync/manifest.yml`);
    const after = structuredClone(before);
    after.egress[0] = { ...after.egress[0]!, inScopeEUD: false };
    expect(diffManifestFacts(before, after)).toEqual([
      {
        section: 'manifest',
        kind: 'changed',
        key: 'egress:fetch.backend:api.timesheets.example-sync.com',
        label: 'api.timesheets.example-sync.com',
        fields: [{ path: 'inScopeEUD', before: true, after: false }],
      },
    ]);
  });

  it('is one entry when a version was not checked against a manifest, and part of the diff', () => {
    const facts = factsOf(`${FIXTURES}/worklog-sync/manifest.yml`);
    expect(summary(diffManifestFacts(null, facts))).toEqual(['added manifest']);
    expect(summary(diffManifestFacts(facts, null))).toEqual(['removed manifest']);
    expect(diffManifestFacts(null, undefined)).toEqual([]);
    const declaration = loadExample(`${FIXTURES}/worklog-sync/declaration.yaml`);
    const diff = diffDeclarations(
      declaration,
      declaration,
      { from: 1, to: 2 },
      { before: facts, after: factsOf(`${FIXTURES}/worklog-sync/manifest-2.0.yml`) },
    );
    expect(diff.counts).toEqual({ added: 2, removed: 0, changed: 0 });
    expect(diffDeclarations(declaration, declaration, { from: 1, to: 2 }).entries).toEqual([]);
  });
});
