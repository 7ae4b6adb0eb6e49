import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreviewStatus } from '../../../src/local/preview/model.ts';
import { invoke, startTestPreview, type TestPreview } from './start-preview.ts';

const EXAMPLE = 'examples/techtime-user-management.yaml';

let preview: TestPreview | undefined;
afterEach(async () => {
  await preview?.stop();
  preview?.remove();
  preview = undefined;
});

async function status(current: TestPreview): Promise<PreviewStatus> {
  return (await (await fetch(`${current.server.url}/__preview/status`)).json()) as PreviewStatus;
}

async function servedPolicyVersion(current: TestPreview): Promise<unknown> {
  const { json } = await invoke(
    current,
    'disclosure/get',
    {},
    { page: 'confluence-global', user: 'reader' },
  );
  return (
    json.body as {
      data: { declaration: { policy: { version: string } }; version: { version: number } };
    }
  ).data;
}

describe('following the declaration file', () => {
  it('publishes a new version when the file is saved with new content', async () => {
    preview = await startTestPreview(EXAMPLE);
    expect((await status(preview)).publishedVersion).toBe(1);
    const text = readFileSync(preview.declarationFile, 'utf8');
    const edited = text.replace(/^(policy:\n {2}version: ).*$/m, "$1'2026-12-01'");
    expect(edited).not.toBe(text);
    writeFileSync(preview.declarationFile, edited);

    await vi.waitFor(async () => expect((await status(preview!)).publishedVersion).toBe(2), {
      timeout: 5000,
      interval: 50,
    });
    expect(await servedPolicyVersion(preview)).toMatchObject({
      version: { version: 2 },
      declaration: { policy: { version: '2026-12-01' } },
    });
  });

  it('shows located errors for an invalid file and keeps serving the last good version', async () => {
    preview = await startTestPreview(EXAMPLE);
    const text = readFileSync(preview.declarationFile, 'utf8');
    // A vendor mistypes the country code of their own company.
    const edited = text.replace('  country: NZ\n', '  country: New Zealand\n');
    expect(edited).not.toBe(text);
    writeFileSync(preview.declarationFile, edited);

    await vi.waitFor(
      async () => expect((await status(preview!)).issues.length).toBeGreaterThan(0),
      { timeout: 5000, interval: 50 },
    );
    const now = await status(preview);
    expect(now.publishedVersion).toBe(1);
    const countryLine = text.split('\n').indexOf('  country: NZ') + 1;
    expect(now.issues).toContainEqual(
      expect.objectContaining({
        file: 'privacy/techtime-user-management.yaml',
        line: countryLine,
        path: 'vendor.country',
      }),
    );
    const before = (await servedPolicyVersion(preview)) as {
      declaration: { policy: { version: string } };
    };
    expect(before).toMatchObject({ version: { version: 1 } });
    expect(text).toContain(`version: '${before.declaration.policy.version}'`);

    const page = await (await fetch(`${preview.server.url}/jira-admin`)).text();
    expect(page).toMatch(
      new RegExp(
        `privacy/techtime-user-management\\.yaml:${countryLine}:\\d+</code> <code>vendor\\.country</code>`,
      ),
    );
    expect(page).toContain('data-state="invalid"');
  });

  it('reports invalid UTF-8 in a saved file at its line and column, and keeps serving', async () => {
    preview = await startTestPreview(EXAMPLE);
    const text = readFileSync(preview.declarationFile, 'utf8');
    const lines = text.split('\n');
    const countryLine = lines.indexOf('  country: NZ') + 1;
    // A Latin-1 editor saves "Zélande": 0xE9 alone is not UTF-8.
    const before = Buffer.from(
      lines.slice(0, countryLine - 1).join('\n') + '\n  country: Z',
      'utf8',
    );
    const after = Buffer.from('lande\n' + lines.slice(countryLine).join('\n'), 'utf8');
    writeFileSync(preview.declarationFile, Buffer.concat([before, Buffer.from([0xe9]), after]));

    await vi.waitFor(
      async () => expect((await status(preview!)).issues.length).toBeGreaterThan(0),
      { timeout: 5000, interval: 50 },
    );
    const now = await status(preview);
    expect(now.publishedVersion).toBe(1);
    expect(now.issues).toEqual([
      expect.objectContaining({
        line: countryLine,
        column: 13,
        message: expect.stringMatching(/UTF-8/),
      }),
    ]);
  });

  it('keeps versions and reviews across a restart, and adds none for an unchanged file', async () => {
    preview = await startTestPreview(EXAMPLE);
    const recorded = await invoke(preview, 'review/mark', { version: 1 });
    expect(recorded.json.body).toMatchObject({ ok: true });

    preview = await preview.restart();
    expect((await status(preview)).publishedVersion).toBe(1);
    const { json } = await invoke(preview, 'versions/list', {});
    const versions = (
      json.body as { data: { versions: { version: number; reviews: unknown[] }[] } }
    ).data.versions;
    expect(versions.map((version) => version.version)).toEqual([1]);
    expect(versions[0]!.reviews).toHaveLength(1);
  });

  it('tells the user when the file disappears, and still serves the last good version', async () => {
    preview = await startTestPreview(EXAMPLE);
    const { rmSync } = await import('node:fs');
    rmSync(preview.declarationFile);
    await vi.waitFor(
      async () =>
        expect((await status(preview!)).problem).toContain(
          'Cannot read privacy/techtime-user-management.yaml',
        ),
      {
        timeout: 5000,
        interval: 50,
      },
    );
    expect(await servedPolicyVersion(preview)).toMatchObject({ version: { version: 1 } });
  });
});
