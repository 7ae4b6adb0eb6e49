import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifestFacts, runsOnAtlassian } from '../../../src/declaration/manifest/index.ts';

function eligibility(path: string) {
  const result = readManifestFacts(
    readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return runsOnAtlassian(result.facts);
}

describe('Runs on Atlassian', () => {
  it('is allowed for Forge storage, analytics egress without in-scope data and a static web trigger', () => {
    expect(eligibility('manifests/jsm-checklist/manifest.yml')).toEqual({
      eligible: true,
      blockers: [],
    });
    expect(eligibility('../../manifest.yml').eligible).toBe(true);
  });

  it('names each entry that prevents it, with its line', () => {
    const notes = eligibility('manifests/release-notes-remote/manifest.yml');
    expect(notes.eligible).toBe(false);
    expect(notes.blockers.map(({ criterion, entry, line }) => [criterion, entry, line])).toEqual([
      ['web-trigger', 'modules.webtrigger: deployment-events', 27],
      ['remote', 'remotes: notes-service', 44],
    ]);
    const sync = eligibility('manifests/worklog-sync/manifest.yml');
    expect(sync.blockers.map(({ criterion, entry }) => [criterion, entry])).toEqual([
      ['egress', 'permissions.external.fetch.backend: api.timesheets.example-sync.com'],
      ['egress', 'permissions.external.images: *.avatars.example-sync.com'],
    ]);
    const radar = eligibility('forge-apps/release-radar/manifest.yml');
    // The analytics egress with inScopeEUD: false is allowed; the client fetch is not analytics.
    expect(radar.blockers.map(({ criterion }) => criterion)).toEqual(['remote', 'egress']);
  });

  it('is prevented by Connect modules and by Forge SQL while it does not follow residency', () => {
    expect(
      eligibility('manifests/connect-bridge/manifest.yml').blockers.map(
        ({ criterion }) => criterion,
      ),
    ).toEqual(['connect', 'connect', 'connect', 'remote']);
    expect(eligibility('manifests/jsm-checklist/manifest-sql-preview.yml').blockers).toMatchObject([
      { criterion: 'storage-residency', entry: 'modules.sql: checklists' },
    ]);
  });
});
