import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULE_KEYS } from '../../../src/backend/module-keys.ts';
import { PREVIEW_USERS } from '../../../src/local/preview/model.ts';
import { invoke, startTestPreview, type TestPreview } from './start-preview.ts';

const EXAMPLE = 'examples/exalate-cloud.yaml';
const [admin, reader] = PREVIEW_USERS;

let preview: TestPreview;
beforeAll(async () => {
  preview = await startTestPreview(EXAMPLE);
});
afterAll(async () => {
  await preview.stop();
  preview.remove();
});

async function get(path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${preview.server.url}${path}`);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function pageConfig(html: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="preview-config">(.*?)<\/script>/s.exec(
    html,
  )?.[1];
  return JSON.parse(json ?? 'null') as Record<string, unknown>;
}

describe('host pages', () => {
  it('frames the app like Jira administration, with the settings taken from the URL', async () => {
    const { status, text, headers } = await get('/jira-admin?theme=dark&locale=de-DE&user=reader');
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(text).toContain('data-color-mode="dark"');
    expect(text).toMatch(/<nav class="sidebar" aria-label="Jira settings">/);
    expect(text).toMatch(/aria-current="page"[^>]*>Privacy Disclosure</);
    expect(text).toMatch(
      /<option value="de-DE" lang="de-DE" selected>Deutsch \(Deutschland\)<\/option>/,
    );
    expect(text).toMatch(new RegExp(`<option value="reader" selected>`));
    expect(pageConfig(text)).toMatchObject({
      moduleKey: MODULE_KEYS.jiraAdminPage,
      moduleType: 'jira:adminPage',
      locale: 'de-DE',
      accountId: reader!.accountId,
      theme: 'dark',
    });
  });

  it('frames the app like a Confluence global page, light, English and as the admin by default', async () => {
    const { text } = await get('/confluence-global');
    expect(text).toContain('Confluence');
    expect(text).toContain('class="space-header"');
    expect(text).toContain('data-color-mode="light"');
    expect(pageConfig(text)).toMatchObject({
      moduleKey: MODULE_KEYS.confluenceGlobalPage,
      moduleType: 'confluence:globalPage',
      locale: 'en-US',
      accountId: admin!.accountId,
    });
  });

  it('frames the app like a Jira global page that every Jira user can open', async () => {
    const { text } = await get('/jira-global?user=reader');
    expect(text).toContain('Apps / Privacy Disclosure');
    expect(text).not.toContain('Settings / Apps');
    expect(pageConfig(text)).toMatchObject({
      moduleKey: MODULE_KEYS.jiraGlobalPage,
      moduleType: 'jira:globalPage',
      accountId: reader!.accountId,
    });
  });

  it('puts the app in a sandboxed frame that can neither open popups nor navigate the page', async () => {
    const { text } = await get('/jira-admin');
    const frame = /<iframe[^>]*id="app-frame"[^>]*>/s.exec(text)?.[0] ?? '';
    expect(frame).toContain('src="/app/index.html"');
    expect(frame).toContain('sandbox="allow-scripts');
    expect(frame).not.toContain('allow-popups');
    expect(frame).not.toContain('allow-top-navigation');
  });

  it('links every host page from the start page', async () => {
    const { text } = await get('/');
    expect(text).toContain('href="/jira-admin?');
    expect(text).toContain('href="/jira-global?');
    expect(text).toContain('href="/confluence-global?');
    expect(text).toContain('privacy/exalate-cloud.yaml');
  });
});

describe('the built UI in the frame', () => {
  it('gets exactly one external bridge script, placed before the bundle', async () => {
    const { status, text, headers } = await get('/app/index.html');
    expect(status).toBe(200);
    // The bundle, the bridge, and the first paint's gate when the pre-render module is built.
    expect(text.match(/<script src="\/__preview\/bridge\.js"/g)).toHaveLength(1);
    expect(text.match(/<script\b/g)).toHaveLength(text.includes('data-prerendered') ? 3 : 2);
    const bridge = text.indexOf('<script src="/__preview/bridge.js"></script>');
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThan(text.indexOf('./assets/index-Cq1x9.js'));
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves the bundle and the bridge, and nothing outside the UI folder', async () => {
    expect((await get('/app/assets/index-Cq1x9.js')).text).toContain('app bundle');
    expect((await get('/__preview/bridge.js')).text).toContain('__bridge');
    const escape = await get('/app/..%2Fprivacy%2Fexalate-cloud.yaml');
    expect(escape.status).toBe(403);
    expect(escape.text).not.toContain('schemaVersion');
  });
});

describe('invoke', () => {
  it('runs the real resolver: the Jira admin page gets the declaration and may record reviews', async () => {
    const { status, json } = await invoke(preview, 'disclosure/get', {});
    expect(status).toBe(200);
    expect(json.body).toMatchObject({
      ok: true,
      data: {
        declaration: { vendor: { tradingName: 'Exalate' } },
        version: { version: 1 },
        canReview: true,
      },
    });
  });

  it('does not offer reviews on the Confluence global page', async () => {
    const { json } = await invoke(preview, 'disclosure/get', {}, { page: 'confluence-global' });
    expect(json.body).toMatchObject({ ok: true, data: { canReview: false } });
  });

  it('refuses a review from someone who is not an admin, and records one from an admin', async () => {
    const refused = await invoke(preview, 'review/mark', { version: 1 }, { user: 'reader' });
    expect(refused.json.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const recorded = await invoke(preview, 'review/mark', { version: 1 });
    expect(recorded.json.body).toMatchObject({
      ok: true,
      data: { review: { version: 1, accountId: admin!.accountId } },
    });
    const view = await invoke(preview, 'disclosure/get', {}, { user: 'reader' });
    expect(view.json.body).toMatchObject({
      data: { review: { current: { accountId: admin!.accountId } } },
    });
  });

  it('says what is wrong with a request that is not an invocation', async () => {
    const { status, json } = await invoke(
      preview,
      'disclosure/get',
      {},
      { page: 'jira-issue-panel' },
    );
    expect(status).toBe(400);
    expect(json.error).toContain(
      '"page" must be one of jira-admin, jira-global, confluence-global',
    );
  });
});
