import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, inProcess, root, STACK_LINE } from '../run-cli.ts';

const FIXTURES = 'test/fixtures/manifests';

/** The 1-based line of the first line of a repository file that matches. */
function lineOf(path: string, pattern: RegExp): number {
  return (
    readFileSync(`${root}${path}`, 'utf8')
      .split('\n')
      .findIndex((line) => pattern.test(line)) + 1
  );
}

describe('privacy-disclosure check', () => {
  it("passes on this app's own manifest.yml and privacy/declaration.yaml, by default", () => {
    const run = cli('check');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Checked privacy\/declaration\.yaml against manifest\.yml:/);
    expect(run.stdout).toMatch(/Runs on Atlassian: yes/);
    expect(run.stdout).toMatch(/Consistent: no contradictions\.\n$/);
    expect(run.code).toBe(0);
  });

  it('exits 1 on contradictions, each with the line in both files', async () => {
    const run = await inProcess(
      'check',
      '--manifest',
      `${FIXTURES}/this-app/manifest-without-storage.yml`,
    );
    expect(run.code).toBe(1);
    const locationLine = lineOf('privacy/declaration.yaml', /^ {2}- id: forge-storage$/);
    expect(run.stdout).toContain(
      `${FIXTURES}/this-app/manifest-without-storage.yml:82:3  privacy/declaration.yaml:${locationLine}:5  contradiction [storage-not-granted]`,
    );
    expect(run.stdout).toMatch(/Not consistent: 1 contradiction\.\n$/);
  });

  it('exits 0 with warnings only, and names what prevents Runs on Atlassian', async () => {
    const run = await inProcess(
      'check',
      '--manifest',
      `${FIXTURES}/release-notes-remote/manifest-single-region.yml`,
      `${FIXTURES}/release-notes-remote/declaration.yaml`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warning \[remote-single-region\]/);
    expect(run.stdout).toMatch(
      /Runs on Atlassian: no\n.*manifest-single-region\.yml:29:7 {2}modules\.webtrigger: deployment-events: /,
    );
    expect(run.stdout).toMatch(
      /remotes: notes-service: a remote back end outside Atlassian \(compute, storage\)/,
    );
    expect(run.stdout).toMatch(/Consistent: no contradictions, 1 warning\.\n$/);
  });

  it('--format json: findings with file, line and column in both files, eligibility and the facts', async () => {
    const run = await inProcess(
      'check',
      '--format',
      'json',
      '--manifest',
      `${FIXTURES}/worklog-sync/manifest-2.0.yml`,
      `${FIXTURES}/worklog-sync/declaration.yaml`,
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.consistent).toBe(false);
    expect(report.findings.map((finding: { rule: string }) => finding.rule)).toEqual([
      'product-undeclared',
      'scope-data-undeclared',
      'undeclared-egress',
      'undeclared-egress',
    ]);
    expect(report.findings[2]).toMatchObject({
      severity: 'contradiction',
      manifest: { file: `${FIXTURES}/worklog-sync/manifest-2.0.yml`, line: 47 },
      declaration: {
        file: `${FIXTURES}/worklog-sync/declaration.yaml`,
        line: lineOf(`${FIXTURES}/worklog-sync/declaration.yaml`, /^recipients:/) + 1,
        path: ['recipients'],
      },
      message: expect.stringContaining('hooks.slack.com'),
    });
    expect(report.runsOnAtlassian.eligible).toBe(false);
    expect(report.facts.egress.map((entry: { kind: string }) => entry.kind)).toEqual([
      'fetch.backend',
      'fetch.backend',
      'images',
      'fonts',
    ]);
  });

  it('--format sarif: SARIF 2.1.0, one result per finding, located in both files', async () => {
    const manifest = `${FIXTURES}/this-app/manifest-with-remote.yml`;
    const run = await inProcess('check', '--format', 'sarif', '--manifest', manifest);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain(
      'nothing-leaves-atlassian',
    );
    expect(sarifRun.results).toHaveLength(6);
    const [first] = sarifRun.results;
    expect(first).toMatchObject({
      ruleId: 'nothing-leaves-atlassian',
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: manifest }, region: { startLine: 83 } } },
        {
          physicalLocation: {
            artifactLocation: { uri: 'privacy/declaration.yaml' },
            region: {
              startLine: lineOf(
                'privacy/declaration.yaml',
                /^ {2}- id: atlassian-personal-data-reporting$/,
              ),
            },
          },
        },
      ],
    });
    expect(sarifRun.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(sarifRun.properties.runsOnAtlassian.eligible).toBe(false);
  });

  it('--format sarif names files given by absolute path as file: URIs', async () => {
    const manifest = `${root}manifest.yml`;
    const run = await inProcess(
      'check',
      '--format',
      'sarif',
      '--manifest',
      manifest,
      `${FIXTURES}/worklog-sync/declaration.yaml`,
    );
    const [result] = JSON.parse(run.stdout).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      pathToFileURL(manifest).href,
    );
    expect(result.locations[1].physicalLocation.artifactLocation.uri).toBe(
      `${FIXTURES}/worklog-sync/declaration.yaml`,
    );
  });

  it('a missing manifest or declaration is a usage error that names the path (exit 2)', async () => {
    const noManifest = await inProcess('check', '--manifest', 'no/such/manifest.yml');
    expect(noManifest.code).toBe(2);
    expect(noManifest.stderr).toMatch(
      /cannot read the manifest no\/such\/manifest\.yml: no such file or directory/,
    );
    expect(noManifest.stderr).toMatch(/privacy-disclosure check --help/);
    const noDeclaration = await inProcess('check', 'privacy/missing.yaml');
    expect(noDeclaration.code).toBe(2);
    expect(noDeclaration.stderr).toMatch(
      /cannot read the declaration privacy\/missing\.yaml: no such file or directory/,
    );
  });

  it.each([
    [['--format', 'xml'], /unknown --format "xml"; use text, json or sarif/],
    [['--frobnicate'], /unknown option '--frobnicate'/i],
    [['a.yaml', 'b.yaml'], /check takes one DECLARATION, not 2/],
    [['--manifest'], /argument missing/i],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await inProcess('check', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('--help prints the usage (exit 0), and the main help lists check', async () => {
    const help = await inProcess('check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: privacy-disclosure check \[--manifest FILE\]/);
    expect((await inProcess('--help')).stdout).toMatch(/privacy-disclosure check /);
  });

  it('an invalid declaration or a manifest that is not YAML exits 1 and checks nothing', async () => {
    const invalid = await inProcess('check', 'test/fixtures/manifests/worklog-sync/manifest.yml');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(
      /is not a valid declaration \(run privacy-disclosure validate\); nothing was checked/,
    );
    const broken = await inProcess('check', '--manifest', 'README.md');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^README\.md:\d+:\d+ {2}/m);
    expect(broken.stderr).toMatch(/README\.md cannot be read as YAML; nothing was checked/);
  });
});
