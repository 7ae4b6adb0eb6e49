/**
 * The app page's first paint in the preview, as a deployed app's build writes it: the served
 * index.html carries the document part of the version the preview publishes now, pre-rendered
 * by the package's pre-render module, and is rendered again when a new version is published.
 * Whatever fails (no module built, a damaged store, nothing published, a render that throws),
 * the plain page is served and the terminal is told once why.
 */
import type { DisclosureView } from '../../declaration/index.ts';
import { FALLBACK_LOCALE } from '../../declaration/i18n/locales.ts';
import {
  loadPrerenderModule,
  withFirstPaint,
  withoutFirstPaint,
  type FirstPaint,
  type PrerenderModule,
} from '../../cli/build/prerender-ui.ts';
import { PREVIEW_SITE, PREVIEW_USERS, HOST_PAGES } from './model.ts';
import type { ModuleKeys } from './module-keys.ts';
import type { PreviewBackend } from './server.ts';

/** What the preview's page route asks of it. */
export interface PreviewFirstPaint {
  /** The built index.html with the served version's first paint, or as it is. */
  page(html: string): Promise<string>;
  /** The gate script, or null without a pre-render module. */
  gate(): Promise<string | null>;
}

/** Reads the served version as a reader of the Jira global page would get it. */
async function servedView(
  backend: PreviewBackend,
  moduleKeys: ModuleKeys,
): Promise<DisclosureView | string> {
  const answer = (await backend.invoke(
    'disclosure/get',
    {},
    {
      page: 'jira-global',
      moduleKey: moduleKeys['jira-global'],
      moduleType: HOST_PAGES['jira-global'].moduleType,
      user: PREVIEW_USERS.find((user) => user.id === 'reader') ?? PREVIEW_USERS[0]!,
      locale: FALLBACK_LOCALE,
      ...PREVIEW_SITE,
    },
  )) as { ok: true; data: DisclosureView } | { ok: false; error: { message: string } };
  return answer.ok ? answer.data : answer.error.message;
}

/**
 * The preview's first paint over `backend`, rendered by the module at `modulePath` (by default
 * the package's), in the source locale (the manifest's fallback, `en-US`).
 */
export function previewFirstPaint(options: {
  backend: PreviewBackend;
  moduleKeys: ModuleKeys;
  log: (line: string) => void;
  modulePath?: string;
  /**
   * Changes whenever the served version may have (the version the preview published, the
   * store's state): while it does not, the page is not asked for again, so serving index.html
   * costs no resolver call, as a deployed app's static file costs none.
   */
  servedKey?: () => string;
}): PreviewFirstPaint {
  let module: Promise<PrerenderModule | null> | undefined;
  let rendered: { contentHash: string; paint: Promise<FirstPaint> } | undefined;
  let confirmed: { key: string; paint: FirstPaint } | undefined;
  const told = new Set<string>();
  const tell = (problem: string) => {
    if (told.has(problem)) return;
    told.add(problem);
    options.log(`The app page is served without a pre-rendered first paint: ${problem}.`);
  };
  const load = (): Promise<PrerenderModule | null> => {
    module ??= loadPrerenderModule(options.modulePath).then((loaded) => {
      if (loaded.ok) return loaded.module;
      tell(loaded.problem);
      // Tried again on the next page load: `npm run build:ui` may have built it meanwhile.
      module = undefined;
      return null;
    });
    return module;
  };

  return {
    async gate() {
      return (await load())?.gateScript() ?? null;
    },
    async page(built) {
      // The built page may carry the first paint of another declaration (this repository's).
      const html = withoutFirstPaint(built);
      const prerender = await load();
      if (!prerender) return html;
      const key = options.servedKey?.();
      if (key !== undefined && confirmed?.key === key) {
        const page = withFirstPaint(html, confirmed.paint, prerender);
        return page.ok ? page.html : html;
      }
      try {
        const view = await servedView(options.backend, options.moduleKeys);
        if (typeof view === 'string') {
          tell(view);
          return html;
        }
        const { contentHash } = view.version;
        if (rendered?.contentHash !== contentHash) {
          const paint = prerender.prerender(view.declaration, view.manifest ?? null, {
            locale: FALLBACK_LOCALE,
          });
          rendered = { contentHash, paint };
          paint.catch(() => (rendered = undefined));
        }
        const paint = await rendered.paint;
        if (paint.contentHash !== contentHash) {
          tell(`the pre-render's hash ${paint.contentHash} is not the served ${contentHash}`);
          return html;
        }
        if (key !== undefined) confirmed = { key, paint };
        const page = withFirstPaint(html, paint, prerender);
        if (!page.ok) tell(page.problem);
        return page.ok ? page.html : html;
      } catch (error) {
        tell((error as Error).message);
        return html;
      }
    },
  };
}
