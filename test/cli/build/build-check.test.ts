/**
 * `build` runs the truth check `check` runs, on the app's manifest.yml and the declaration it
 * bundles: contradictions stop it with the findings as `check` prints them and nothing written;
 * warnings are printed and the bundle is written, with the manifest's facts beside the
 * declaration.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { checkCommand } from '../../../src/cli/check/command.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { captureIo, copyFixture, fakeUi, snapshot } from '../init/helpers.ts';
import { declareWhatTheAppDoes } from './true-declarations.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function initialised(name: string): Promise<string> {
  const dir = copyFixture(name);
  made.push(dir);
  expect(await runInit(['--dir', dir, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
  return dir;
}

async function build(dir: string) {
  const io = captureIo();
  const code = await runBuild(['--dir', dir, '--ui', ui], io);
  return { code, out: io.out(), err: io.err() };
}

/** What `check` prints for the app's files, named as build names them. */
async function checkOutput(dir: string): Promise<string> {
  const io = captureIo();
  await checkCommand(
    ['--manifest', join(dir, 'manifest.yml'), join(dir, 'privacy/declaration.yaml')],
    io,
  );
  return io.out().split(`${dir}/`).join('');
}

async function bundled(dir: string) {
  const path = join(dir, 'src/privacy-disclosure.generated.ts');
  const copy = `${path}.${Date.now()}.mjs`;
  writeFileSync(copy, readFileSync(path, 'utf8'));
  try {
    return await import(pathToFileURL(copy).href);
  } finally {
    rmSync(copy);
  }
}

describe('build holds the declaration against manifest.yml', () => {
  it('fails on contradictions, printing them as check does, and writes nothing', async () => {
    // Release radar calls its own remote and sends analytics; init's starting declaration says
    // everything stays at Atlassian.
    const dir = await initialised('release-radar');
    const before = snapshot(dir);
    const result = await build(dir);
    expect(result.code).toBe(1);
    const findings = (await checkOutput(dir))
      .split('\n')
      .filter((line) => / {2}contradiction \[| {2}warning \[/.test(line));
    expect(findings.length).toBeGreaterThanOrEqual(4);
    for (const line of findings) expect(result.err).toContain(`${line}\n`);
    expect(result.err).toMatch(
      /^manifest\.yml:\d+:\d+ {2}privacy\/declaration\.yaml:\d+:\d+ {2}contradiction \[undeclared-remote\] {2}manifest\.yml: the remote radar-service is reached at radar\.example-releases\.io/m,
    );
    expect(result.err).toContain(
      'privacy-disclosure build: manifest.yml contradicts privacy/declaration.yaml (above); nothing was bundled.',
    );
    expect(result.out).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('prints warnings and bundles; the bundle carries the facts, Runs on Atlassian included', async () => {
    const dir = await initialised('release-radar');
    declareWhatTheAppDoes(dir, 'release-radar');
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Checked against manifest.yml: no contradictions; Runs on Atlassian: no.',
    );
    const module = await bundled(dir);
    expect(module.MANIFEST_FACTS.remotes).toEqual([
      {
        key: 'radar-service',
        hosts: ['radar.example-releases.io', 'eu.radar.example-releases.io'],
        operations: ['compute', 'storage', 'fetch'],
        handlesInScopeData: true,
      },
    ]);
    expect(module.MANIFEST_FACTS.egress).toContainEqual({
      kind: 'fetch.backend',
      host: 'api.example-analytics.com',
      category: 'analytics',
      inScopeEUD: false,
    });
    expect(module.MANIFEST_FACTS.runsOnAtlassian.eligible).toBe(false);
    expect(module.MANIFEST_FACTS.runsOnAtlassian.blockers).toContainEqual({
      criterion: 'remote',
      entry: 'remotes: radar-service',
    });

    // A new backend egress (release notices to Slack, without end-user data), declared: a new
    // bundle with a new content hash.
    const manifest = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    const withSlack = manifest.replace(
      '      - address: "https://api.example-analytics.com"',
      '      - address: "https://hooks.slack.com"\n        inScopeEUD: false\n      - address: "https://api.example-analytics.com"',
    );
    expect(withSlack).not.toBe(manifest);
    writeFileSync(join(dir, 'manifest.yml'), withSlack);
    const refused = await build(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/contradiction \[undeclared-egress\] .*hooks\.slack\.com/);
    const declaration = readFileSync(join(dir, 'privacy/declaration.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'privacy/declaration.yaml'),
      declaration.replace(
        '      - api.example-analytics.com',
        '      - api.example-analytics.com\n      - hooks.slack.com',
      ),
    );
    const rebuilt = await build(dir);
    expect(rebuilt.code).toBe(0);
    const next = await bundled(dir);
    expect(next.MANIFEST_FACTS.egress).toContainEqual({
      kind: 'fetch.backend',
      host: 'hooks.slack.com',
      inScopeEUD: false,
    });
    expect(next.CONTENT_HASH).not.toBe(module.CONTENT_HASH);
  });

  it('passes with warnings, printed as check prints them', async () => {
    // The glossary reads pages; init's declaration says its one category is not personal.
    const dir = await initialised('confluence-glossary');
    const result = await build(dir);
    expect(result.code).toBe(0);
    const warning = (await checkOutput(dir))
      .split('\n')
      .find((line) => line.includes('  warning [scope-personal-data]'));
    expect(warning).toBeDefined();
    expect(result.err).toContain(`${warning}\n`);
    expect(result.err).toContain('no contradictions, 1 warning.\n');
    expect(result.out).toContain(
      'Checked against manifest.yml: no contradictions, 1 warning; Runs on Atlassian: yes.',
    );
  });

  it('warns when the handler does not pass the facts to the backend', async () => {
    const dir = await initialised('jsm-request-checklist');
    declareWhatTheAppDoes(dir, 'jsm-request-checklist');
    const handler = join(dir, 'src/privacy-disclosure.ts');
    writeFileSync(
      handler,
      readFileSync(handler, 'utf8')
        .replace(', MANIFEST_FACTS }', ' }')
        .replace(/\n.*\n {2}manifestFacts: MANIFEST_FACTS,/, ''),
    );
    expect(readFileSync(handler, 'utf8')).not.toContain('MANIFEST_FACTS');
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(result.err).toContain(
      'warning: src/privacy-disclosure.ts does not pass MANIFEST_FACTS to createDisclosureBackend',
    );
  });
});
