import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './start-preview.ts';

const MAIN = join(ROOT, 'src/local/preview/main.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const EXAMPLE = join(ROOT, 'examples/upsmith-zendesk-sell-for-jsm.yaml');

let workDir: string | undefined;
afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
});

/**
 * Runs `npm start`'s entry point in a fresh folder, as a vendor would from their repository;
 * `prepare` sets the folder up first.
 */
function runMain(
  args: string[],
  env: Record<string, string>,
  onOutput?: (text: string, stop: () => void) => void,
  prepare?: (dir: string) => void,
) {
  workDir = mkdtempSync(join(tmpdir(), 'privacy-preview-main-'));
  prepare?.(workDir);
  const child = spawn(TSX, [MAIN, ...args], {
    cwd: workDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onOutput?.(stdout, () => child.kill('SIGTERM'));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('npm start', () => {
  it('exits 2 with a clear message when the declaration file cannot be read', async () => {
    const result = await runMain(['--declaration', 'privacy/missing.yaml'], { PORT: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read the declaration file privacy/missing.yaml');
  });

  it('says the port is taken instead of crashing', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = await runMain(['--declaration', EXAMPLE], { PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('says the URLs of both pages, serves them, and stops cleanly on SIGTERM', async () => {
    let served: string | undefined;
    const result = await runMain(['--declaration', EXAMPLE], { PORT: '0' }, (text, stop) => {
      const url = /Jira admin page:\s+(\S+)/.exec(text)?.[1];
      if (!url || served !== undefined) return;
      served = '';
      fetch(url.replace('localhost', '127.0.0.1'))
        .then((response) => response.text())
        .then((html) => (served = html))
        .finally(stop);
    });
    expect(result.stdout).toMatch(
      /Confluence global page:\s+http:\/\/localhost:\d+\/confluence-global/,
    );
    expect(result.stdout).toContain('published as version 1');
    expect(served).toContain('Privacy Disclosure');
    expect(result.stdout).toContain('SIGTERM: stopping the preview.');
    expect(result.code).toBe(0);
  });

  it('starts on a damaged store, says what is wrong, and says where it went after starting over', async () => {
    // The store as the preview wrote it, cut off halfway (a disk that filled up, a bad copy).
    const store = JSON.stringify({
      format: 'privacy-disclosure-local-kvs',
      version: 1,
      namespaces: { kv: { 'privacy-disclosure:head:current': { value: { version: 1 } } } },
    });
    const damaged = store.slice(0, 60);
    let startOver: { status: number; body: string } | undefined;
    let page = '';
    const result = await runMain(
      ['--declaration', EXAMPLE],
      { PORT: '0' },
      (text, stop) => {
        const url = /Jira admin page:\s+(\S+)/.exec(text)?.[1]?.replace('localhost', '127.0.0.1');
        if (!url || startOver !== undefined) return;
        startOver = { status: 0, body: '' };
        void (async () => {
          page = await (await fetch(url)).text();
          const answer = await fetch(new URL('/__preview/store/start-over', url), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          startOver = { status: answer.status, body: await answer.text() };
          // Give the republication its line on the terminal before stopping.
          await new Promise((resolve) => setTimeout(resolve, 300));
        })().finally(stop);
      },
      (dir) => {
        mkdirSync(join(dir, '.preview-data'));
        writeFileSync(join(dir, '.preview-data', 'kvs.json'), damaged);
      },
    );
    const problem = `not valid JSON at line 1, column ${damaged.length + 1}: Unterminated string`;
    expect(result.stdout).toContain(
      `The local store .preview-data/kvs.json is damaged: ${problem}.`,
    );
    expect(result.stderr).toBe('');
    expect(page).toContain('data-testid="store-start-over"');
    expect(page).toContain(`.preview-data/kvs.json: ${problem}.`);
    expect(startOver?.status).toBe(200);
    const backup =
      /Moved the damaged local store \.preview-data\/kvs\.json to (\S+) \(nothing was deleted\)/.exec(
        result.stdout,
      )?.[1];
    expect(backup).toMatch(/^\.preview-data\/kvs\.json\.damaged-/);
    expect(JSON.parse(startOver!.body)).toMatchObject({ ok: true, store: { backup } });
    expect(readFileSync(join(workDir!, backup!), 'utf8')).toBe(damaged);
    expect(readdirSync(join(workDir!, '.preview-data')).sort()).toEqual(
      ['kvs.json', backup!.slice('.preview-data/'.length)].sort(),
    );
    expect(result.stdout).toContain('published as version 1');
    expect(result.code).toBe(0);
  });
});
