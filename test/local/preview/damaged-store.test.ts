import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreviewStatus } from '../../../src/local/preview/model.ts';
import { rawRequest, reviewBody } from './raw-request.ts';
import { invoke, startTestPreview, type TestPreview } from './start-preview.ts';

const EXAMPLE = 'examples/open-source-consulting-apps.yaml';
const STORE = '.preview-data/kvs.json';

let preview: TestPreview | undefined;
afterEach(async () => {
  await preview?.stop();
  preview?.remove();
  preview = undefined;
});

async function status(current: TestPreview): Promise<PreviewStatus> {
  return (await (await fetch(`${current.server.url}/__preview/status`)).json()) as PreviewStatus;
}

/** The text of the host page element with this id, as a person reads it. */
async function hostPageText(current: TestPreview, id: string): Promise<string | null> {
  const html = await (await fetch(`${current.server.url}/jira-admin`)).text();
  const element = new RegExp(`<(\\w+) id="${id}"([^>]*)>(.*?)</\\1>`, 's').exec(html);
  if (!element || / hidden(?=[\s>]|$)/.test(element[2]!)) return null;
  return element[3]!
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** A preview that published the example and recorded an admin's review, then stopped. */
async function previewWithHistory(): Promise<TestPreview> {
  const started = await startTestPreview(EXAMPLE);
  const review = await invoke(started, 'review/mark', { version: 1 });
  expect(review.json.body).toMatchObject({ ok: true });
  return started;
}

/** Presses "Start over" as the host page does: same origin, JSON. */
function startOver(current: TestPreview, headers: Record<string, string> = {}) {
  return rawRequest(current, {
    method: 'POST',
    path: '/__preview/store/start-over',
    headers: {
      origin: `http://127.0.0.1:${current.server.port}`,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      ...headers,
    },
    body: '{}',
  });
}

/** Checks that a damaged store is reported, left alone, and that starting over moves it aside. */
async function expectDamageThenStartOver(damaged: string, problem: string): Promise<void> {
  const current = preview!;
  const reported = await status(current);
  expect(reported.store).toEqual({ state: 'damaged', file: STORE, problem, backup: null });
  expect(reported.publishedVersion).toBeNull();
  expect(await hostPageText(current, 'store-title')).toBe("The preview's local store is damaged");
  expect(await hostPageText(current, 'store-problem')).toBe(`${STORE}: ${problem}.`);
  expect(await hostPageText(current, 'store-detail')).toContain(
    `moves it aside, to ${STORE}.damaged-<date and time>`,
  );
  expect(await hostPageText(current, 'store-start-over')).toBe('Start over with an empty store');
  expect(current.log.join('\n')).toContain(`The local store ${STORE} is damaged: ${problem}.`);

  // The app is told that nothing can be read, rather than shown an empty disclosure.
  const read = await invoke(current, 'disclosure/get', {});
  expect(read.status).toBe(503);
  expect(read.json.error).toContain(`the local store ${STORE} is damaged`);

  // A valid edit of the declaration is checked, but not published over the damaged file.
  const before = (await status(current)).revision;
  const text = readFileSync(current.declarationFile, 'utf8');
  const edited = text.replace(/^(policy:\n {2}version: ).*$/m, "$1'2026-12-01'");
  expect(edited).not.toBe(text);
  writeFileSync(current.declarationFile, edited);
  await vi.waitFor(async () => expect((await status(current)).revision).toBeGreaterThan(before), {
    timeout: 5000,
    interval: 50,
  });
  expect((await status(current)).issues).toEqual([]);
  expect(current.log.join('\n')).toMatch(/is valid; not published: the local store/);

  // Only the preview's own page may press the button.
  const foreign = await startOver(current, { origin: 'https://evil.example' });
  expect(foreign.status).toBe(403);
  const form = await startOver(current, { 'content-type': 'text/plain;charset=UTF-8' });
  expect(form.status).toBe(403);
  expect(readFileSync(current.storeFile, 'utf8')).toBe(damaged);
  expect(readdirSync(dirname(current.storeFile))).toEqual(['kvs.json']);

  const answer = await startOver(current);
  expect(answer.status).toBe(200);
  const { store } = JSON.parse(answer.text) as PreviewStatus;
  expect(store).toMatchObject({ state: 'started-over', file: STORE, problem: null });
  expect(store.backup).toMatch(
    /^\.preview-data\/kvs\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/,
  );
  // Moved aside byte for byte, and said where: in the answer, the host page and the terminal.
  expect(readFileSync(join(current.dir, store.backup!), 'utf8')).toBe(damaged);
  expect(await hostPageText(current, 'store-detail')).toBe(
    `The damaged store was moved to ${store.backup}; nothing was deleted. The preview now uses an empty store.`,
  );
  expect(await hostPageText(current, 'store-start-over')).toBeNull();
  expect(current.log).toContain(
    `Moved the damaged local store ${STORE} to ${store.backup} (nothing was deleted); the preview now uses an empty store.`,
  );

  // The empty store works: the edited file is published as version 1, and nobody reviewed it yet.
  const after = await status(current);
  expect(after).toMatchObject({ publishedVersion: 1, store: { state: 'started-over' } });
  const view = await invoke(current, 'disclosure/get', {});
  expect(view.json.body).toMatchObject({
    ok: true,
    data: { version: { version: 1, policyVersion: '2026-12-01' }, review: { current: null } },
  });
  const recorded = await rawRequest(current, {
    method: 'POST',
    path: '/__preview/invoke',
    headers: { 'content-type': 'application/json' },
    body: reviewBody(1),
  });
  expect(recorded.status).toBe(200);
  expect(JSON.parse(readFileSync(current.storeFile, 'utf8'))).toMatchObject({
    format: 'privacy-disclosure-local-kvs',
  });
  expect((await startOver(current)).status).toBe(409);
}

describe('a damaged preview store', () => {
  it('that is not valid JSON: the preview starts, says where, and moves it aside only when asked', async () => {
    preview = await previewWithHistory();
    let damaged = '';
    preview = await preview.restart(() => {
      // Someone opened the store to look, re-indented it, and lost a comma on line 3.
      const lines = JSON.stringify(
        JSON.parse(readFileSync(preview!.storeFile, 'utf8')),
        null,
        2,
      ).split('\n');
      expect(lines[2]).toBe('  "version": 1,');
      lines[2] = '  "version": 1';
      damaged = lines.join('\n');
      writeFileSync(preview!.storeFile, damaged);
    });
    await expectDamageThenStartOver(
      damaged,
      "not valid JSON at line 4, column 3: Expected ',' or '}' after property value",
    );
  });

  it('that is JSON of the wrong shape: the record that fails validation is named', async () => {
    preview = await previewWithHistory();
    let damaged = '';
    let key = '';
    preview = await preview.restart(() => {
      const store = JSON.parse(readFileSync(preview!.storeFile, 'utf8')) as {
        namespaces: { kv: Record<string, { createdAt: unknown }> };
      };
      key = Object.keys(store.namespaces.kv).sort()[0]!;
      store.namespaces.kv[key]!.createdAt = 'yesterday';
      damaged = JSON.stringify(store);
      writeFileSync(preview!.storeFile, damaged);
    });
    await expectDamageThenStartOver(
      damaged,
      `a record fails validation: ${JSON.stringify(key)} in namespace "kv" has a "createdAt" that is not a number (Unix seconds)`,
    );
  });

  it('that was already moved away by hand: starting over moves nothing and says so', async () => {
    preview = await previewWithHistory();
    preview = await preview.restart(() => writeFileSync(preview!.storeFile, ''));
    expect((await status(preview)).store.problem).toBe('not valid JSON: the file is empty');
    writeFileSync(join(preview.dir, 'kept-by-hand.json'), readFileSync(preview.storeFile));
    rmSync(preview.storeFile);
    const answer = await startOver(preview);
    expect(JSON.parse(answer.text)).toMatchObject({
      ok: true,
      store: { state: 'started-over', backup: null },
    });
    expect(await hostPageText(preview, 'store-detail')).toBe(
      'The damaged store was no longer there, so nothing was moved. The preview now uses an empty store.',
    );
    expect(existsSync(preview.storeFile)).toBe(true);
    expect((await status(preview)).publishedVersion).toBe(1);
  });
});

describe('something else where the preview keeps its store', () => {
  it('a plain file named .preview-data: the preview starts, says so, and moves it aside when asked', async () => {
    preview = await previewWithHistory();
    const folder = dirname(preview.storeFile);
    preview = await preview.restart(() => {
      rmSync(folder, { recursive: true });
      writeFileSync(folder, 'notes kept by hand\n');
    });
    const problem = 'it is a file, not the folder the local store is kept in';
    expect((await status(preview)).store).toEqual({
      state: 'damaged',
      file: '.preview-data',
      problem,
      backup: null,
    });
    expect(await hostPageText(preview, 'store-problem')).toBe(`.preview-data: ${problem}.`);
    expect(await hostPageText(preview, 'store-detail')).toContain(
      'moves it aside, to .preview-data.damaged-<date and time>',
    );
    expect(preview.log.join('\n')).toContain(
      `The local store .preview-data is damaged: ${problem}.`,
    );
    expect(readFileSync(folder, 'utf8')).toBe('notes kept by hand\n');

    const answer = await startOver(preview);
    expect(answer.status).toBe(200);
    const { store } = JSON.parse(answer.text) as PreviewStatus;
    expect(store.backup).toMatch(/^\.preview-data\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(join(preview.dir, store.backup!), 'utf8')).toBe('notes kept by hand\n');
    // The empty store is a folder again, and the file is published into it.
    expect((await status(preview)).publishedVersion).toBe(1);
    expect(readdirSync(folder)).toEqual(['kvs.json']);
  });

  it('a kvs.json that links to a file that is gone: reported, and the link kept', async () => {
    preview = await previewWithHistory();
    const gone = join(preview.dir, 'unmounted', 'kvs.json');
    preview = await preview.restart(() => {
      rmSync(preview!.storeFile);
      symlinkSync(gone, preview!.storeFile);
    });
    const problem = `it is a symbolic link to ${gone}, which does not exist`;
    expect((await status(preview)).store).toEqual({
      state: 'damaged',
      file: STORE,
      problem,
      backup: null,
    });
    expect(await hostPageText(preview, 'store-problem')).toBe(`${STORE}: ${problem}.`);
    // Nothing was published over it: the link is still a link, to where it was.
    expect((await status(preview)).publishedVersion).toBeNull();
    expect(readlinkSync(preview.storeFile)).toBe(gone);
    expect(existsSync(gone)).toBe(false);

    const { store } = JSON.parse((await startOver(preview)).text) as PreviewStatus;
    expect(readlinkSync(join(preview.dir, store.backup!))).toBe(gone);
    expect((await status(preview)).publishedVersion).toBe(1);
    expect(lstatSync(preview.storeFile).isFile()).toBe(true);
  });
});
