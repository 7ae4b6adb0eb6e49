import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLdProblems } from '../declaration/export/dpv-fixture.ts';
import { cli, inProcess } from './run-cli.ts';

const EXAMPLE = 'examples/oci-europe-web-service.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'export-dpv-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('export --format dpv', () => {
  it('writes the declaration as JSON-LD in DPV terms, from the installed command', () => {
    const run = cli('export', '--format', 'dpv', EXAMPLE);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as Parameters<typeof jsonLdProblems>[0];
    expect(jsonLdProblems(document)).toEqual([]);
    expect(run.stdout).toContain('"dpv": "https://w3id.org/dpv#"');
    expect(run.stdout).toContain('"@type": "dpv:Process"');
  });

  it('writes its own words in the --locale language, and to -o', async () => {
    const out = join(scratch, 'privacy.jsonld');
    const run = await inProcess('export', '--format', 'dpv', '--locale', 'de', '-o', out, EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Wrote ${out}`);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('"@language": "de-DE"');
    expect(written).not.toContain('"@language": "en-US"');
  });

  it('writes nothing for an invalid declaration, and says where it is wrong', async () => {
    const invalid = join(scratch, 'invalid.yaml');
    const example = readFileSync(EXAMPLE, 'utf8');
    expect(example).toContain('legalBasis: [not-stated]');
    writeFileSync(invalid, example.replace('legalBasis: [not-stated]', 'legalBasis: [interests]'));
    const run = await inProcess('export', '--format', 'dpv', invalid);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/legalBasis/);
    expect(run.stderr).toContain('not exported: the declaration is invalid');
  });

  it('is listed in the help and among the formats a usage error names', async () => {
    expect((await inProcess('export', '--help')).stdout).toMatch(/^ {2}dpv {11}JSON-LD/m);
    const unknown = await inProcess('export', '--format', 'jsonld', EXAMPLE);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'use one of html, md, json, csv, marketplace, marketplace-text, dpv',
    );
  });
});
