import { APP_PREFIX } from './app-files.ts';
import {
  HOST_PAGES,
  PREVIEW_LOCALES,
  PREVIEW_USERS,
  describeStore,
  type HostPageId,
  type HostSettings,
  type PreviewStatus,
  type PreviewStoreStatus,
} from './model.ts';

/** Everything a host page shows besides the app itself. */
export interface HostPageInput {
  page: HostPageId;
  moduleKey: string;
  settings: HostSettings;
  status: PreviewStatus;
  siteUrl: string;
  cloudId: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Each locale named in its own language ("Deutsch (Deutschland)"), the way a language menu names
 * them; the preview's own words stay English (it is a developer tool).
 */
function localeName(locale: string): string {
  try {
    return (
      new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'standard' }).of(
        locale,
      ) ?? locale
    );
  } catch {
    return locale;
  }
}

function query(settings: HostSettings, overrides: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    theme: settings.theme,
    locale: settings.locale,
    user: settings.user.id,
    ...overrides,
  });
  return `?${params.toString()}`;
}

/** A choice of a host control: its value, its text, and the language of that text when not English. */
type Choice = [value: string, text: string, lang?: string];

function select(setting: string, label: string, options: Choice[], current: string): string {
  const items = options
    .map(
      ([value, text, lang]) =>
        `<option value="${escapeHtml(value)}"${lang ? ` lang="${escapeHtml(lang)}"` : ''}${value === current ? ' selected' : ''}>${escapeHtml(text)}</option>`,
    )
    .join('');
  return `<label>${label} <select data-setting="${setting}" data-testid="preview-${setting}">${items}</select></label>`;
}

/** How the host bar and the index name each page. */
const PAGE_NAMES: Record<HostPageId, string> = {
  'jira-admin': 'Jira admin page',
  'jira-global': 'Jira global page',
  'confluence-global': 'Confluence global page',
};

function previewBar(input: HostPageInput): string {
  const { settings, status } = input;
  const others = (Object.keys(HOST_PAGES) as HostPageId[]).filter((page) => page !== input.page);
  return `<div class="preview-bar" role="region" aria-label="Local preview controls">
  <span class="preview-badge">Local preview</span>
  ${select(
    'theme',
    'Theme',
    [
      ['light', 'Light'],
      ['dark', 'Dark'],
    ],
    settings.theme,
  )}
  ${select(
    'locale',
    'Language',
    PREVIEW_LOCALES.map((locale) => [locale, localeName(locale), locale]),
    settings.locale,
  )}
  ${select(
    'user',
    'User',
    PREVIEW_USERS.map((user) => [user.id, user.displayName]),
    settings.user.id,
  )}
  <span class="preview-file"><code>${escapeHtml(status.file)}</code>, <span id="published-version">${
    status.publishedVersion ? `version ${status.publishedVersion}` : 'nothing published'
  }</span></span>
  ${others.map((page) => `<a data-keeps-settings href="/${page}${query(settings)}">${PAGE_NAMES[page]}</a>`).join('\n  ')}
</div>`;
}

function issuesPanel(status: PreviewStatus): string {
  const items = status.issues
    .map(
      (issue) =>
        `<li data-testid="declaration-issue"><code>${escapeHtml(`${issue.file}:${issue.line}:${issue.column}`)}</code> <code>${escapeHtml(issue.path || '(document)')}</code> ${escapeHtml(issue.message)}</li>`,
    )
    .join('');
  const broken = status.issues.length > 0 || status.problem !== null;
  return `<section id="declaration-status" class="declaration-status" role="alert" data-testid="declaration-status" data-state="${broken ? 'invalid' : 'valid'}"${broken ? '' : ' hidden'}>
  <h2>The declaration file has errors</h2>
  <p id="declaration-summary">${escapeHtml(status.problem ?? `${status.file} has ${status.issues.length} error(s).`)}</p>
  <ul id="declaration-issues">${items}</ul>
</section>`;
}

/**
 * What is wrong with the local store and the one way out the user may choose; host.ts keeps it up
 * to date and sends the button's request.
 */
function storePanel(store: PreviewStoreStatus): string {
  const words = describeStore(store);
  const damaged = store.state === 'damaged';
  return `<section id="store-status" class="store-status" data-testid="store-status" data-state="${store.state}" role="${damaged ? 'alert' : 'status'}"${words ? '' : ' hidden'}>
  <h2 id="store-title">${escapeHtml(words?.title ?? '')}</h2>
  <p id="store-problem" data-testid="store-problem"${words?.problem ? '' : ' hidden'}>${escapeHtml(words?.problem ?? '')}</p>
  <p id="store-detail" data-testid="store-detail">${escapeHtml(words?.detail ?? '')}</p>
  <p id="store-error" class="store-error" data-testid="store-error" hidden></p>
  <button id="store-start-over" class="store-button" type="button" data-testid="store-start-over"${damaged ? '' : ' hidden'}>Start over with an empty store</button>
</section>`;
}

function appArea(input: HostPageInput): string {
  return `${storePanel(input.status.store)}
${issuesPanel(input.status)}
<p id="open-request" class="open-request" role="status" data-testid="open-request" hidden></p>
<div id="flags" class="flags" aria-live="polite"></div>
<iframe id="app-frame" class="app-frame" title="Privacy Disclosure (Forge app)" src="${APP_PREFIX}index.html"
  sandbox="allow-scripts allow-same-origin allow-forms allow-modals allow-downloads"></iframe>`;
}

function jiraBody(input: HostPageInput): string {
  return `<header class="topbar jira">
  <span class="product-logo" aria-hidden="true">◆</span><span class="product-name">Jira</span>
  <nav class="topnav" aria-label="Jira"><span>Your work</span><span>Projects</span><span>Filters</span><span>Dashboards</span><span>Apps</span></nav>
  <span class="topbar-search" aria-hidden="true">Search</span>
  <span class="avatar" title="${escapeHtml(input.settings.user.displayName)}">${escapeHtml(input.settings.user.displayName.slice(0, 1))}</span>
</header>
${previewBar(input)}
${input.page === 'jira-global' ? jiraGlobalLayout(input) : jiraSettingsLayout(input)}`;
}

/** A jira:adminPage sits in Jira's settings, under Apps settings. */
function jiraSettingsLayout(input: HostPageInput): string {
  return `<div class="layout">
  <nav class="sidebar" aria-label="Jira settings">
    <p class="sidebar-heading">Apps</p>
    <ul><li>Explore more apps</li><li>Manage apps</li><li>Promotions</li></ul>
    <p class="sidebar-heading">Apps settings</p>
    <ul><li aria-current="page" class="active">Privacy Disclosure</li></ul>
  </nav>
  <main class="content">
    <p class="breadcrumbs">Settings / Apps / Privacy Disclosure</p>
    ${appArea(input)}
  </main>
</div>`;
}

/** A jira:globalPage is opened from the Apps menu, by any Jira user: no settings around it. */
function jiraGlobalLayout(input: HostPageInput): string {
  return `<div class="layout">
  <nav class="sidebar" aria-label="Jira">
    <p class="sidebar-heading">Apps</p>
    <ul><li aria-current="page" class="active">Privacy Disclosure</li></ul>
  </nav>
  <main class="content">
    <p class="breadcrumbs">Apps / Privacy Disclosure</p>
    ${appArea(input)}
  </main>
</div>`;
}

function confluenceBody(input: HostPageInput): string {
  return `<header class="topbar confluence">
  <span class="product-logo" aria-hidden="true">C</span><span class="product-name">Confluence</span>
  <nav class="topnav" aria-label="Confluence"><span>Home</span><span>Recent</span><span>Spaces</span><span>Apps</span></nav>
  <span class="create-button" aria-hidden="true">+ Create</span>
  <span class="topbar-search" aria-hidden="true">Search</span>
  <span class="avatar" title="${escapeHtml(input.settings.user.displayName)}">${escapeHtml(input.settings.user.displayName.slice(0, 1))}</span>
</header>
${previewBar(input)}
<main class="content confluence-page">
  <div class="space-header">
    <span class="app-icon" aria-hidden="true">PD</span>
    <div><p class="breadcrumbs">Apps</p><h1>Privacy Disclosure</h1></div>
  </div>
  ${appArea(input)}
</main>`;
}

/** The HTML of a host page: the product's frame around the app's iframe, with the preview controls. */
export function renderHostPage(input: HostPageInput): string {
  const page = HOST_PAGES[input.page];
  const config = {
    page: input.page,
    moduleKey: input.moduleKey,
    moduleType: page.moduleType,
    theme: input.settings.theme,
    locale: input.settings.locale,
    userId: input.settings.user.id,
    accountId: input.settings.user.accountId,
    siteUrl: input.siteUrl,
    cloudId: input.cloudId,
    publishedVersion: input.status.publishedVersion,
  };
  // "<" is escaped so no declaration text can close the JSON block early.
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en" data-color-mode="${input.settings.theme}" data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy Disclosure - ${escapeHtml(page.title)} (local preview)</title>
<link rel="stylesheet" href="/__preview/tokens.css">
<link rel="stylesheet" href="/__preview/host.css">
<script type="application/json" id="preview-config">${configJson}</script>
<script src="/__preview/host.js" defer></script>
</head>
<body class="product-${page.product}">
${page.product === 'jira' ? jiraBody(input) : confluenceBody(input)}
</body>
</html>`;
}

/** The start page: links to both host pages and says what is previewed. */
export function renderIndexPage(status: PreviewStatus, settings: HostSettings): string {
  return `<!doctype html>
<html lang="en" data-color-mode="${settings.theme}" data-theme="dark:dark light:light spacing:spacing typography:typography shape:shape">
<head><meta charset="utf-8"><title>Privacy Disclosure - local preview</title>
<link rel="stylesheet" href="/__preview/tokens.css"><link rel="stylesheet" href="/__preview/host.css"></head>
<body class="index-page"><main class="content">
<h1>Privacy Disclosure: local preview</h1>
<p>Previewing <code>${escapeHtml(status.file)}</code> (${
    status.publishedVersion
      ? `version ${status.publishedVersion} published`
      : 'nothing published yet'
  }${status.issues.length > 0 ? `; the file has ${status.issues.length} error(s)` : ''}).</p>
${
  status.store.state === 'damaged'
    ? `<p class="store-status" role="alert" data-testid="store-status">${escapeHtml(describeStore(status.store)?.problem ?? '')} Open a page below to see what to do.</p>`
    : ''
}
<ul>
${(Object.keys(HOST_PAGES) as HostPageId[])
  .map(
    (page) =>
      `<li><a href="/${page}${query(settings)}">${PAGE_NAMES[page]}</a> (${HOST_PAGES[page].moduleType})</li>`,
  )
  .join('\n')}
</ul>
</main></body></html>`;
}
