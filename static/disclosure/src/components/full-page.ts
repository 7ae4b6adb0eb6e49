import type { DisclosurePage } from './DisclosurePage.tsx';

/**
 * The whole page drawn by React (DisclosurePage: the document part and the page's own parts).
 * It is code of its own, not part of the first view: when the build's first paint shows the
 * served version in the reader's language, the page keeps that markup and mounts only its own
 * parts into it (PageIslands). Start-up loads it at once when the page will need it (no first
 * paint, another language, another version); a failed load is forgotten, so the next try loads
 * it again.
 */
export type FullPage = typeof DisclosurePage;

let loaded: FullPage | null = null;
let loading: Promise<FullPage> | undefined;

/** The full page's component, or null while its code has not loaded. */
export function loadedFullPage(): FullPage | null {
  return loaded;
}

/** Loads the full page's code, once. */
export function loadFullPage(): Promise<FullPage> {
  loading ??= import('./DisclosurePage.tsx').then(
    (module) => (loaded = module.DisclosurePage),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
