import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, inProcess, root } from './run-cli.ts';

const valid = 'test/declaration/export/fixtures/exalate-complete.yaml';
const work = mkdtempSync(join(tmpdir(), 'privacy-disclosure-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The TechTime fixture with a retention period missing its trigger and an unknown purpose id.
const broken = readFileSync(
  join(root, 'test/declaration/present/fixtures/techtime-user-management.yaml'),
  'utf8',
)
  .replace('    purposes: [support]', '    purposes: [helpdesk]')
  .replace(
    '      basis: until-deletion-request\n  - id: service',
    '      basis: fixed-period\n  - id: service',
  );
const brokenFile = join(work, 'techtime-broken.yaml');
writeFileSync(brokenFile, broken);

describe.concurrent('privacy-disclosure validate', () => {
  it('accepts a valid declaration with exit 0 and a summary', () => {
    const run = cli('validate', valid);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 file checked: 1 valid, 0 invalid');
  });

  it('reports each problem as file:line:col  path  message and exits 1', () => {
    const run = cli('validate', valid, brokenFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /techtime-broken\.yaml:\d+:\d+ {2}dataCategories\[1\]\.retention\.period {2}.*P180D/,
    );
    expect(run.stderr).toContain('2 files checked: 1 valid, 1 invalid');
  });

  it('says which file cannot be read and why', () => {
    const run = cli('validate', 'examples/no-such-vendor.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'examples/no-such-vendor.yaml: cannot read: no such file or directory',
    );
  });

  it('writes a JSON report for CI annotations', () => {
    const run = cli('validate', '--format', 'json', brokenFile);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.valid).toBe(false);
    expect(report.files[0].errors.map((issue: { pathText: string }) => issue.pathText)).toContain(
      'dataCategories[1].retention.period',
    );
  });
});

describe.concurrent('privacy-disclosure export', () => {
  it('writes HTML to a file given with -o', () => {
    const out = join(work, 'privacy.html');
    const run = cli('export', '--format', 'html', valid, '-o', out);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h1>Privacy: Exalate for Jira Cloud</h1>');
  });

  it('writes CSV to stdout in the chosen language', () => {
    const run = cli('export', '--format', 'csv', '--locale', 'de', valid);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toMatch(/^"Kategorie","Beschreibung","Beispiele"/);
    expect(run.stdout).toContain('Belgien');
  });

  it('writes nothing and keeps the old file when the declaration is invalid', () => {
    const out = join(work, 'kept.md');
    writeFileSync(out, 'the previous export\n');
    const run = cli('export', '--format', 'md', brokenFile, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/purposes\[0\] {2}unknown purpose id "helpdesk"/);
    expect(readFileSync(out, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says why it cannot write into a folder that does not exist', () => {
    const out = join(work, 'missing-folder', 'privacy.json');
    const run = cli('export', '--format', 'json', valid, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot write: no such file or directory');
    expect(existsSync(out)).toBe(false);
  });
});

describe('help and usage errors', () => {
  it('shows help from the installed command, and exits 2 with a hint on an unknown command', () => {
    const main = cli('--help');
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('privacy-disclosure validate FILE...');
    const unknown = cli('publish', valid);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
    expect(unknown.stderr).toContain('privacy-disclosure --help');
  });

  it('shows help for each command and the version', async () => {
    expect((await inProcess('export', '--help')).stdout).toContain('marketplace');
    expect((await inProcess('validate', '--help')).stdout).toContain('--format text|json');
    expect((await inProcess('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a hint on unknown options, formats and missing files', async () => {
    const option = await inProcess('validate', '--strict', valid);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("'--strict'");
    expect(option.stderr).toContain('privacy-disclosure validate --help');
    const format = await inProcess('export', '--format', 'pdf', valid);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain(
      'unknown format "pdf"; use one of html, md, json, csv, marketplace',
    );
    expect((await inProcess('validate')).code).toBe(2);
    expect((await inProcess('export', '--format', 'md', valid, valid)).code).toBe(2);
    expect((await inProcess()).code).toBe(2);
  });
});
