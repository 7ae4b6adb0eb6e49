import { describe, expect, it } from 'vitest';
import { checkDeclarationAgainstManifest, RULES } from '../../../src/declaration/index.ts';
import { declaration, found, manifestFacts } from './fixtures.ts';

const FIXTURES = 'test/fixtures/manifests';
const OWN = 'privacy/declaration.yaml';

describe("this app's own manifest and declaration", () => {
  it('are consistent, with no finding at all', () => {
    const result = checkDeclarationAgainstManifest(declaration(OWN), manifestFacts('manifest.yml'));
    expect(result.findings).toEqual([]);
    expect(result.consistent).toBe(true);
    expect(result.runsOnAtlassian.eligible).toBe(true);
  });
});

describe('fixture apps checked against their own declarations', () => {
  it.each(['worklog-sync', 'release-notes-remote', 'jsm-checklist', 'connect-bridge'])(
    '%s is consistent',
    (app) => {
      const result = checkDeclarationAgainstManifest(
        declaration(`${FIXTURES}/${app}/declaration.yaml`),
        manifestFacts(`${FIXTURES}/${app}/manifest.yml`),
      );
      expect(result.findings).toEqual([]);
      expect(result.consistent).toBe(true);
    },
  );
});

describe('a contradiction of each kind, from a manifest the declaration was not updated for', () => {
  it('undeclared backend and font egress, scope data and a product (UI Kit, Jira Service Management)', () => {
    expect(
      found(
        declaration(`${FIXTURES}/worklog-sync/declaration.yaml`),
        manifestFacts(`${FIXTURES}/worklog-sync/manifest-2.0.yml`),
      ),
    ).toEqual([
      '16 warning product-undeclared',
      '41 contradiction scope-data-undeclared',
      '47 contradiction undeclared-egress',
      '49 contradiction undeclared-egress',
    ]);
  });

  it('a remote moved to a host no location names, refuting in-scope residency (Custom UI, Compass, compute and storage)', () => {
    expect(
      found(
        declaration(`${FIXTURES}/release-notes-remote/declaration.yaml`),
        manifestFacts(`${FIXTURES}/release-notes-remote/manifest-new-host.yml`),
      ),
    ).toEqual(['46 contradiction residency-not-followed', '47 contradiction undeclared-remote']);
  });

  it('a remote with one base URL for every region only warns when its host is declared as following residency', () => {
    const result = checkDeclarationAgainstManifest(
      declaration(`${FIXTURES}/release-notes-remote/declaration.yaml`),
      manifestFacts(`${FIXTURES}/release-notes-remote/manifest-single-region.yml`),
    );
    expect(result.findings.map((finding) => finding.rule)).toEqual(['remote-single-region']);
    expect(result.consistent).toBe(true);
  });

  it('a backend egress without inScopeEUD: false refutes a declaration whose data all follows residency (client analytics egress covered)', () => {
    expect(
      found(
        declaration(`${FIXTURES}/jsm-checklist/declaration.yaml`),
        manifestFacts(`${FIXTURES}/jsm-checklist/manifest-ai-summary.yml`),
      ),
    ).toEqual(['52 contradiction residency-not-followed', '52 contradiction undeclared-egress']);
  });

  it('Forge SQL declared as following residency while the manifest says dareCompliant: false', () => {
    expect(
      found(
        declaration(`${FIXTURES}/jsm-checklist/declaration.yaml`),
        manifestFacts(`${FIXTURES}/jsm-checklist/manifest-sql-preview.yml`),
      ),
    ).toEqual(['30 contradiction sql-residency']);
  });

  it('Forge storage granted (scope and custom entity) that no declared Atlassian location holds (Connect on Forge)', () => {
    expect(
      found(
        declaration(`${FIXTURES}/connect-bridge/declaration.yaml`),
        manifestFacts(`${FIXTURES}/connect-bridge/manifest-forge-storage.yml`),
      ),
    ).toEqual(['15 contradiction storage-undeclared', '36 contradiction storage-undeclared']);
  });

  it("this app's declaration, which keeps everything at Atlassian, against a remote and a backend egress", () => {
    expect(
      found(declaration(OWN), manifestFacts(`${FIXTURES}/this-app/manifest-with-remote.yml`)),
    ).toEqual([
      '83 contradiction nothing-leaves-atlassian',
      '83 contradiction residency-not-followed',
      '84 contradiction undeclared-remote',
      '93 contradiction nothing-leaves-atlassian',
      '93 contradiction residency-not-followed',
      '93 contradiction undeclared-egress',
    ]);
  });

  it("this app's declaration, which stores in Forge storage, against a manifest without storage:app", () => {
    const result = checkDeclarationAgainstManifest(
      declaration(OWN),
      manifestFacts(`${FIXTURES}/this-app/manifest-without-storage.yml`),
    );
    expect(result.findings).toMatchObject([
      {
        rule: 'storage-not-granted',
        severity: 'contradiction',
        declaration: { path: ['locations', 0] },
      },
    ]);
    expect(result.consistent).toBe(false);
  });

  it('every rule the check knows is produced by some test above or below', () => {
    // Kept in step with RULES: a new rule needs a fixture that triggers it.
    expect(Object.keys(RULES).sort()).toEqual(
      [
        'app-id-mismatch',
        'egress-wider-than-declared',
        'nothing-leaves-atlassian',
        'product-undeclared',
        'remote-single-region',
        'residency-not-followed',
        'scope-data-undeclared',
        'scope-personal-data',
        'sql-residency',
        'storage-not-granted',
        'storage-undeclared',
        'undeclared-egress',
        'undeclared-remote',
      ].sort(),
    );
  });
});

describe('wildcards, both ways', () => {
  const facts = () => manifestFacts(`${FIXTURES}/worklog-sync/manifest.yml`);

  it('a declared *.example-sync.com covers the backend host and the image wildcard under it', () => {
    const subject = declaration(`${FIXTURES}/worklog-sync/declaration.yaml`);
    subject.locations[1]!.domains = [];
    expect(found(subject, facts())).toEqual([]);
  });

  it('a declared host covers only itself: the image wildcard is wider, a warning', () => {
    const subject = declaration(`${FIXTURES}/worklog-sync/declaration.yaml`);
    subject.recipients[0]!.domains = ['cdn.avatars.example-sync.com'];
    expect(found(subject, facts())).toEqual(['37 warning egress-wider-than-declared']);
  });

  it('without the declared wildcard, both hosts are undeclared', () => {
    const subject = declaration(`${FIXTURES}/worklog-sync/declaration.yaml`);
    subject.recipients[0]!.domains = undefined;
    subject.locations[1]!.domains = undefined;
    expect(found(subject, facts())).toEqual([
      '34 contradiction undeclared-egress',
      '37 contradiction undeclared-egress',
    ]);
  });
});

describe('residency and what the data says of itself', () => {
  it('data declared global may go where residency does not reach; declared in-scope, it may not', () => {
    const facts = manifestFacts(`${FIXTURES}/worklog-sync/manifest.yml`);
    const subject = declaration(`${FIXTURES}/worklog-sync/declaration.yaml`);
    expect(found(subject, facts)).toEqual([]);
    subject.dataCategories[0]!.residency = 'in-scope';
    const result = checkDeclarationAgainstManifest(subject, facts);
    expect(result.findings).toMatchObject([
      {
        rule: 'residency-not-followed',
        manifest: { line: 34 },
        declaration: { path: ['dataCategories', 0, 'residency'] },
        message: expect.stringMatching(
          /worklogs says residency: in-scope.*api\.timesheets\.example-sync\.com/,
        ),
      },
    ]);
  });
});

describe('scopes', () => {
  it('the data a scope reads is declared when a category names it, even as not stored', () => {
    const facts = manifestFacts('manifest.yml');
    const subject = declaration(OWN);
    // Without the categories that name administrators and reviewers, read:jira-work,
    // read:confluence-user and read:jira-user read undeclared data.
    subject.dataCategories = subject.dataCategories.filter(
      (category) => category.id === 'declaration-versions',
    );
    expect(found(subject, facts)).toEqual([
      '94 contradiction scope-data-undeclared',
      '97 contradiction scope-data-undeclared',
      '100 contradiction scope-data-undeclared',
    ]);
  });

  it('warns when a scope reads personal data and the categories that declare it say personal: no', () => {
    const subject = declaration(`${FIXTURES}/connect-bridge/declaration.yaml`);
    subject.dataCategories[0]!.personal = 'no';
    expect(found(subject, manifestFacts(`${FIXTURES}/connect-bridge/manifest.yml`))).toEqual([
      '26 warning scope-personal-data',
      '27 warning scope-personal-data',
    ]);
  });
});

describe('the app itself', () => {
  it('warns when the declaration names another Forge app', () => {
    const subject = declaration(`${FIXTURES}/worklog-sync/declaration.yaml`);
    subject.app.forgeAppId = 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000';
    expect(found(subject, manifestFacts(`${FIXTURES}/worklog-sync/manifest.yml`))).toEqual([
      '39 warning app-id-mismatch',
    ]);
  });
});
