/**
 * Runs in the host page (the Jira- or Confluence-like page around the app's iframe): answers the
 * iframe's bridge calls as the product would, keeps the theme, locale and user controls in the
 * URL, shows what the app asked to open, and follows the previewed file's and the store's status.
 */
import {
  MESSAGE_TAG,
  describeStore,
  type BridgeCallMessage,
  type BridgeResultMessage,
  type PreviewInvokeResponse,
  type PreviewProductResponse,
  type PreviewStartOverResponse,
  type PreviewStatus,
  type PreviewStoreStatus,
  type PreviewTheme,
  type ThemeChangeMessage,
} from '../model.ts';

/** What the server writes into the page for this script. */
interface HostConfig {
  page: string;
  moduleKey: string;
  moduleType: string;
  theme: PreviewTheme;
  /** The Forge locale code the app gets as `context.locale`, e.g. "de-DE". */
  locale: string;
  userId: string;
  accountId: string;
  siteUrl: string;
  cloudId: string;
  publishedVersion: number | null;
}

const config = JSON.parse(document.getElementById('preview-config')!.textContent!) as HostConfig;
const frame = document.getElementById('app-frame') as HTMLIFrameElement;
let theme = config.theme;
let shownVersion = config.publishedVersion;

function context(): unknown {
  return {
    accountId: config.accountId,
    cloudId: config.cloudId,
    siteUrl: config.siteUrl,
    environmentId: 'local-preview',
    environmentType: 'DEVELOPMENT',
    localId: `${config.moduleKey}-local-preview`,
    locale: config.locale,
    moduleKey: config.moduleKey,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    theme: {
      colorMode: theme,
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
    },
    extension: { type: config.moduleType },
    license: null,
  };
}

/** POSTs JSON to the preview: the server refuses any other body, so no other origin can write. */
function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function invoke(payload: {
  functionKey: string;
  payload?: unknown;
  metadata?: unknown;
}): Promise<unknown> {
  const response = await postJson('/__preview/invoke', {
    functionKey: payload.functionKey,
    payload: payload.payload ?? {},
    page: config.page,
    user: config.userId,
    locale: config.locale,
  });
  const answer = (await response.json()) as PreviewInvokeResponse;
  if (!answer.ok) throw new Error(answer.error);
  // With metadata asked for, the bridge expects { body, metadata }; otherwise the body alone.
  return payload.metadata ? { body: answer.body, metadata: {} } : answer.body;
}

/**
 * A product REST request from the app (`requestJira`, `requestConfluence`), answered by the
 * preview's local product API as this page's user, in the shape the bridge expects back.
 */
async function fetchProduct(payload: {
  product?: unknown;
  restPath?: unknown;
  fetchRequestInit?: { method?: unknown };
}): Promise<unknown> {
  const response = await postJson('/__preview/product', {
    product: payload.product,
    restPath: payload.restPath,
    method: payload.fetchRequestInit?.method ?? 'GET',
    user: config.userId,
  });
  const answer = (await response.json()) as PreviewProductResponse;
  if (!answer.ok) throw new Error(answer.error);
  return { ...answer.response, isAttachment: false };
}

function describeLocation(location: Record<string, unknown>): string {
  if (typeof location.url === 'string') return location.url;
  const { type: _type, ...target } = location;
  return JSON.stringify(target);
}

function showOpenRequest(location: Record<string, unknown>): void {
  const notice = document.getElementById('open-request')!;
  const target = describeLocation(location);
  const verb = location.type === 'same-tab' ? 'navigate to' : 'open';
  notice.replaceChildren(`The app asked to ${verb}: `);
  if (/^https?:\/\//i.test(target)) {
    const link = document.createElement('a');
    link.href = target;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = target;
    link.setAttribute('data-testid', 'open-request-url');
    notice.appendChild(link);
  } else {
    const code = document.createElement('code');
    code.textContent = target;
    code.setAttribute('data-testid', 'open-request-url');
    notice.appendChild(code);
  }
  notice.hidden = false;
}

function showFlag(options: { title?: string; description?: string; type?: string }): void {
  const flags = document.getElementById('flags')!;
  const flag = document.createElement('div');
  flag.className = `flag flag-${options.type ?? 'info'}`;
  flag.setAttribute('role', 'status');
  const title = document.createElement('strong');
  title.textContent = options.title ?? '';
  const description = document.createElement('p');
  description.textContent = options.description ?? '';
  flag.append(title, description);
  flags.appendChild(flag);
  setTimeout(() => flag.remove(), 8000);
}

async function answer(op: string, payload: unknown): Promise<unknown> {
  switch (op) {
    case 'getContext':
      return context();
    case 'invoke':
      return invoke(payload as { functionKey: string; payload?: unknown; metadata?: unknown });
    case 'fetchProduct':
      return fetchProduct(payload as Parameters<typeof fetchProduct>[0]);
    case 'navigate':
      showOpenRequest(payload as Record<string, unknown>);
      return undefined;
    case 'getUrl':
      return new URL(describeLocation(payload as Record<string, unknown>), config.siteUrl).href;
    case 'showFlag':
      showFlag(payload as { title?: string; description?: string; type?: string });
      return undefined;
    case 'closeFlag':
      return undefined;
    default:
      console.warn(`The local preview does not implement the bridge operation "${op}".`);
      throw new Error(`The local preview does not implement the bridge operation "${op}".`);
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  const data = event.data as BridgeCallMessage | undefined;
  if (!data || typeof data !== 'object' || data[MESSAGE_TAG] !== 'call') return;
  const reply = (result: Omit<BridgeResultMessage, typeof MESSAGE_TAG | 'id'>): void => {
    const message: BridgeResultMessage = { [MESSAGE_TAG]: 'result', id: data.id, ...result };
    frame.contentWindow?.postMessage(message, window.location.origin);
  };
  answer(data.op, data.payload).then(
    (value) => reply({ ok: true, value }),
    (error: unknown) =>
      reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

function setTheme(next: PreviewTheme): void {
  theme = next;
  document.documentElement.setAttribute('data-color-mode', next);
  const url = new URL(window.location.href);
  url.searchParams.set('theme', next);
  window.history.replaceState(null, '', url);
  const message: ThemeChangeMessage = { [MESSAGE_TAG]: 'theme', colorMode: next };
  frame.contentWindow?.postMessage(message, window.location.origin);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keeps-settings]')) {
    const target = new URL(link.href);
    target.searchParams.set('theme', next);
    link.href = target.href;
  }
}

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-setting]')) {
  select.addEventListener('change', () => {
    const setting = select.dataset.setting!;
    if (setting === 'theme') return setTheme(select.value === 'dark' ? 'dark' : 'light');
    // Locale and user are part of the app's context: like the product, load the page again.
    const url = new URL(window.location.href);
    url.searchParams.set(setting, select.value);
    window.location.assign(url);
  });
}

function renderStore(store: PreviewStoreStatus): void {
  const panel = document.getElementById('store-status')!;
  const words = describeStore(store);
  panel.hidden = words === null;
  panel.dataset.state = store.state;
  panel.setAttribute('role', store.state === 'damaged' ? 'alert' : 'status');
  document.getElementById('store-title')!.textContent = words?.title ?? '';
  const problem = document.getElementById('store-problem')!;
  problem.textContent = words?.problem ?? '';
  problem.hidden = !words?.problem;
  document.getElementById('store-detail')!.textContent = words?.detail ?? '';
  document.getElementById('store-start-over')!.hidden = store.state !== 'damaged';
}

async function startOver(button: HTMLButtonElement): Promise<void> {
  const error = document.getElementById('store-error')!;
  button.disabled = true;
  error.hidden = true;
  try {
    const response = await postJson('/__preview/store/start-over', {});
    const answer = (await response.json()) as PreviewStartOverResponse;
    if (!answer.ok) throw new Error(answer.error);
    renderStore(answer.store);
    // The app showed that nothing could be read; now it can.
    frame.contentWindow?.location.reload();
  } catch (problem: unknown) {
    error.textContent = problem instanceof Error ? problem.message : String(problem);
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
}

const startOverButton = document.getElementById('store-start-over') as HTMLButtonElement;
startOverButton.addEventListener('click', () => void startOver(startOverButton));

function renderStatus(status: PreviewStatus): void {
  renderStore(status.store);
  const panel = document.getElementById('declaration-status')!;
  const list = document.getElementById('declaration-issues')!;
  const summary = document.getElementById('declaration-summary')!;
  const broken = status.issues.length > 0 || status.problem !== null;
  panel.hidden = !broken;
  panel.dataset.state = broken ? 'invalid' : 'valid';
  summary.textContent = status.problem
    ? status.problem
    : `${status.file} has ${status.issues.length} error${status.issues.length === 1 ? '' : 's'}. ` +
      (status.publishedVersion
        ? `The app still shows the last valid version (${status.publishedVersion}).`
        : 'Nothing valid has been published yet.');
  list.replaceChildren(
    ...status.issues.map((issue) => {
      const item = document.createElement('li');
      item.setAttribute('data-testid', 'declaration-issue');
      const where = document.createElement('code');
      where.textContent = `${issue.file}:${issue.line}:${issue.column}`;
      const path = document.createElement('code');
      path.textContent = issue.path || '(document)';
      item.append(where, ' ', path, ` ${issue.message}`);
      return item;
    }),
  );
  const version = document.getElementById('published-version');
  if (version)
    version.textContent = status.publishedVersion
      ? `version ${status.publishedVersion}`
      : 'nothing published';
  if (status.publishedVersion !== shownVersion) {
    shownVersion = status.publishedVersion;
    // A new version was published from the file: show it, as the product would on the next visit.
    frame.contentWindow?.location.reload();
  }
}

async function pollStatus(): Promise<void> {
  try {
    const response = await fetch('/__preview/status', { cache: 'no-store' });
    if (response.ok) renderStatus((await response.json()) as PreviewStatus);
  } catch {
    // The preview server stopped; keep the page as it is.
  }
  setTimeout(() => void pollStatus(), 1000);
}

void pollStatus();
