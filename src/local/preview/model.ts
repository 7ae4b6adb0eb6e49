/**
 * What the preview's host pages, its bridge and its server agree on: the pages, the people one
 * can preview as, the locales and themes, and the messages between the app's iframe and its host.
 * Pure: imported by the server and by the scripts that run in the browser.
 */
import {
  resolveLocale,
  SHIPPED_LOCALES,
  type ShippedLocale,
} from '../../declaration/i18n/locales.ts';

/** The Forge modules the preview hosts, each on a page that looks like its product. */
export const HOST_PAGES = {
  'jira-admin': {
    moduleType: 'jira:adminPage',
    product: 'jira',
    title: 'Jira administration',
  },
  'jira-global': {
    moduleType: 'jira:globalPage',
    product: 'jira',
    title: 'Jira',
  },
  'confluence-global': {
    moduleType: 'confluence:globalPage',
    product: 'confluence',
    title: 'Confluence',
  },
} as const;

/** `jira-admin`, `jira-global` or `confluence-global`: the path of a host page without its slash. */
export type HostPageId = keyof typeof HOST_PAGES;

/** The made-up site the preview pretends to be. */
export const PREVIEW_SITE = {
  cloudId: 'b7c3e0d2-4f1a-4c8e-9d2b-local-preview',
  siteUrl: 'https://your-site.atlassian.net',
};

/** Locales the host page offers: every locale the app ships a catalogue for, as Forge codes. */
export const PREVIEW_LOCALES: readonly ShippedLocale[] = SHIPPED_LOCALES;

/** A Forge locale code the preview gives the app as `context.locale`, e.g. `de-DE`. */
export type PreviewLocale = ShippedLocale;

/** The product's colour mode. */
export type PreviewTheme = 'light' | 'dark';

/** A person the preview can act as; the backend decides what they may do from these rights. */
export interface PreviewUser {
  /** Short name used in the URL (`?user=admin`). */
  id: string;
  accountId: string;
  displayName: string;
  jiraAdmin: boolean;
  confluenceAdmin: boolean;
}

/** The two people of the preview: a site admin, and someone who may only read. */
export const PREVIEW_USERS: readonly PreviewUser[] = [
  {
    id: 'admin',
    accountId: '712020:5f0c1e8a-preview-site-admin',
    displayName: 'Alex Admin (site admin)',
    jiraAdmin: true,
    confluenceAdmin: true,
  },
  {
    id: 'reader',
    accountId: '712020:9b3d2a7c-preview-reader',
    displayName: 'Robin Reader (no admin rights)',
    jiraAdmin: false,
    confluenceAdmin: false,
  },
];

/** What the host page's controls are set to; kept in the URL query so a link or a test can set it. */
export interface HostSettings {
  theme: PreviewTheme;
  locale: PreviewLocale;
  user: PreviewUser;
}

/**
 * Reads the settings from a page's query, falling back to light, English and the admin. The
 * locale may be a Forge code (`de-DE`), Atlassian's (`de_DE`) or a language (`de`); it is matched
 * to a shipped catalogue as the app matches the host's locale.
 */
export function readHostSettings(query: URLSearchParams): HostSettings {
  const theme: PreviewTheme = query.get('theme') === 'dark' ? 'dark' : 'light';
  const locale = resolveLocale(query.get('locale'));
  const user =
    PREVIEW_USERS.find((candidate) => candidate.id === query.get('user')) ?? PREVIEW_USERS[0]!;
  return { theme, locale, user };
}

/** Whether a path segment names a host page. */
export function isHostPageId(value: string): value is HostPageId {
  return Object.hasOwn(HOST_PAGES, value);
}

/** Marks every message of the preview protocol, so the host ignores anything else posted to it. */
export const MESSAGE_TAG = '__privacyDisclosurePreview';

/** From the app's iframe to its host: one bridge call. */
export interface BridgeCallMessage {
  [MESSAGE_TAG]: 'call';
  id: number;
  op: string;
  payload: unknown;
}

/** From the host back to the iframe: the answer to one call. */
export interface BridgeResultMessage {
  [MESSAGE_TAG]: 'result';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** From the host to the iframe: the product's theme changed. */
export interface ThemeChangeMessage {
  [MESSAGE_TAG]: 'theme';
  colorMode: PreviewTheme;
}

/** Body of `POST /__preview/invoke`: which resolver, and as whom and where it is called. */
export interface PreviewInvokeRequest {
  functionKey: string;
  payload: unknown;
  page: HostPageId;
  user: string;
  locale: PreviewLocale;
}

/** Answer of `POST /__preview/invoke`: what the resolver returned, or why the call failed. */
export type PreviewInvokeResponse = { ok: true; body: unknown } | { ok: false; error: string };

/**
 * The preview's answer to a product request from the app's page (`requestJira`,
 * `requestConfluence`): the product's answer in the shape `@forge/bridge` expects from the host
 * for `fetchProduct`, the body as text.
 */
export type PreviewProductResponse =
  | {
      ok: true;
      response: {
        status: number;
        statusText: string;
        headers: Record<string, string>;
        body: string;
      };
    }
  | { ok: false; error: string };

/** A located problem in the previewed declaration file, as the host page shows it. */
export interface PreviewIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** What the previewed declaration file's follower knows: the file, what is published, its errors. */
export interface DeclarationStatus {
  /** The previewed file, relative to where the preview was started. */
  file: string;
  /** Grows each time the file is read again, so the host page knows to refresh. */
  revision: number;
  /** The stored version the app shows, or null before the first valid publication. */
  publishedVersion: number | null;
  /** When the file was last found valid and published (ISO 8601). */
  publishedAt: string | null;
  /** Errors of the file as it is now; empty when it is valid. */
  issues: PreviewIssue[];
  /** A problem that is not located in the file (unreadable, storage failed). */
  problem: string | null;
}

/** The preview's local store (`.preview-data/kvs.json`), as the host page shows it. */
export interface PreviewStoreStatus {
  /**
   * `ok`: in use. `damaged`: unreadable; left exactly as it is, and unused, until the user starts
   * over. `started-over`: the user started over; the damaged file was moved to `backup`.
   */
  state: 'ok' | 'damaged' | 'started-over';
  /** The store file as named to the user; null when the store is kept in memory only. */
  file: string | null;
  /** What is wrong with the file, while it is damaged. */
  problem: string | null;
  /** Where the damaged file was moved when the user started over (null when nothing was moved). */
  backup: string | null;
}

/** Answer of `GET /__preview/status`: what the preview serves, what is wrong with the file and the store. */
export interface PreviewStatus extends DeclarationStatus {
  store: PreviewStoreStatus;
}

/** Answer of `POST /__preview/store/start-over`: the store's new state, or why it could not start over. */
export type PreviewStartOverResponse =
  { ok: true; store: PreviewStoreStatus } | { ok: false; error: string };

/** The words the host page shows about the store; null when there is nothing to say. */
export function describeStore(
  store: PreviewStoreStatus,
): { title: string; problem: string | null; detail: string } | null {
  if (store.state === 'damaged') {
    return {
      title: "The preview's local store is damaged",
      problem: `${store.file ?? 'The store'}: ${store.problem ?? 'it cannot be used'}.`,
      detail:
        'The preview left the file exactly as it is and stores nothing until you choose. ' +
        `Starting over moves it aside, to ${store.file ?? 'the store file'}.damaged-<date and time>, ` +
        'and continues with an empty store: no published versions and no reviews. Nothing is deleted.',
    };
  }
  if (store.state === 'started-over')
    return {
      title: 'Started over with an empty store',
      problem: null,
      detail:
        (store.backup === null
          ? 'The damaged store was no longer there, so nothing was moved. '
          : `The damaged store was moved to ${store.backup}; nothing was deleted. `) +
        'The preview now uses an empty store.',
    };
  return null;
}
