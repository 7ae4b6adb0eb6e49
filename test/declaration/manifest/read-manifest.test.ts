import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifestFacts, type ManifestFacts } from '../../../src/declaration/manifest/index.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

function facts(text: string): ManifestFacts {
  const result = readManifestFacts(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.facts;
}

describe('readManifestFacts on real manifest shapes', () => {
  it('reads egress by kind, remotes and remote references with their lines (release-radar: flow lists, unindented sequences)', () => {
    const radar = facts(fixture('forge-apps/release-radar/manifest.yml'));
    expect(
      radar.egress.map(({ kind, address, category, inScopeEUD, line }) => ({
        kind,
        address,
        category,
        inScopeEUD,
        line,
      })),
    ).toEqual([
      {
        kind: 'fetch.backend',
        address: 'https://api.example-analytics.com',
        category: 'analytics',
        inScopeEUD: false,
        line: 64,
      },
      {
        kind: 'fetch.client',
        address: 'https://status.example-releases.io',
        category: undefined,
        inScopeEUD: false,
        line: 68,
      },
    ]);
    expect(radar.remoteReferences).toMatchObject([
      { kind: 'fetch.backend', remote: 'radar-service', line: 63 },
    ]);
    const [remote] = radar.remotes;
    expect(remote).toMatchObject({
      key: 'radar-service',
      operations: ['compute', 'storage', 'fetch'],
      storageInScopeEUD: true,
      handlesInScopeData: true,
      tokens: { appSystem: true, appUser: false },
      line: 47,
    });
    expect(remote!.baseUrls.map(({ region, url, line }) => ({ region, url, line }))).toEqual([
      { region: 'default', url: 'https://radar.example-releases.io', line: 49 },
      { region: 'EU', url: 'https://eu.radar.example-releases.io', line: 50 },
    ]);
    expect(radar.scopes.map((scope) => [scope.scope, scope.line])).toEqual([
      ['read:jira-work', 59],
      ['read:project:jira', 59],
      ['read:project-version:jira', 59],
    ]);
    expect(radar.scheduledTriggers).toMatchObject([
      { key: 'nightly-forecast', interval: 'day', line: 35 },
    ]);
    expect(radar.storage.storageScope).toBeUndefined();
  });

  it('reads Forge storage: storage:app, custom entities, SQL with dareCompliant, and triggers', () => {
    const notes = facts(fixture('manifests/release-notes-remote/manifest.yml'));
    expect(notes.storage.storageScope?.line).toBe(61);
    expect(notes.storage.entities).toMatchObject([{ name: 'component-settings' }]);
    expect(notes.webTriggers).toMatchObject([{ key: 'deployment-events', staticResponse: false }]);
    expect(notes.products.map((product) => product.product)).toEqual(['compass']);
    const checklist = facts(fixture('manifests/jsm-checklist/manifest.yml'));
    expect(checklist.storage.sql).toMatchObject([{ key: 'checklists', dareCompliant: true }]);
    expect(checklist.webTriggers).toMatchObject([{ key: 'status-badge', staticResponse: true }]);
    expect(checklist.products.map((product) => product.product)).toEqual([
      'jira-service-management',
    ]);
  });

  it('says what each scope lets the app read', () => {
    const own = facts(fixture('../../manifest.yml'));
    const byName = Object.fromEntries(own.scopes.map((scope) => [scope.scope, scope]));
    expect(byName['storage:app']!.reads).toEqual([]);
    expect(byName['read:jira-work']!.reads.join(' ')).toMatch(/issues.*comments.*worklogs/s);
    expect(byName['read:jira-work']!.personal).toBe(true);
    expect(byName['read:confluence-user']!.reads.join(' ')).toMatch(/e-mail addresses/);
    // A granular scope not in the table is read from its name.
    const granular = facts('permissions:\n  scopes:\n    - read:issue-type:jira\n');
    expect(granular.scopes[0]).toMatchObject({
      known: false,
      product: 'jira',
      terms: ['issue', 'type'],
    });
  });

  it('reads Connect modules, app.connect.remote and a remote without operations as storing in-scope data', () => {
    const stats = facts(fixture('manifests/connect-bridge/manifest.yml'));
    expect(stats.connectModules.map(({ type, key }) => `${type} ${key}`)).toEqual([
      'confluence:dynamicContentMacros page-stats-macro',
      'confluence:lifecycle lifecycle-events',
    ]);
    expect(stats.connectRemote).toMatchObject({ remote: 'connect', line: 8 });
    expect(stats.remotes[0]).toMatchObject({ operationsWritten: false, handlesInScopeData: true });
  });

  it('reads plain-string egress, the map form of scopes, and a storage-only remote without in-scope data', () => {
    const app = facts(`app:
  id: ari:cloud:ecosystem::app/0d6b8f2a-4c1e-4a93-b7d5-e2f9a1c3b846
remotes:
  - key: backups
    baseUrl: https://backups.example.com
    operations: [storage]
    storage:
      inScopeEUD: false
permissions:
  scopes:
    read:jira-work:
      allowImpersonation: true
  external:
    scripts:
      - https://cdn.example.com/widget.js
`);
    expect(app.egress).toMatchObject([{ kind: 'scripts', plainString: true, line: 15 }]);
    expect(app.scopes).toMatchObject([{ scope: 'read:jira-work', line: 11 }]);
    expect(app.remotes[0]).toMatchObject({ storageInScopeEUD: false, handlesInScopeData: false });
    expect(app.appIdPlace?.line).toBe(2);
  });

  it('locates YAML errors, and refuses a top level that is not a mapping', () => {
    const broken = readManifestFacts('modules:\n  jira:adminPage:\n    - key: a\n   bad: [\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]!.line).toBeGreaterThanOrEqual(3);
    const list = readManifestFacts('- just\n- a list\n');
    expect(list).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/mapping/) }],
    });
  });
});
