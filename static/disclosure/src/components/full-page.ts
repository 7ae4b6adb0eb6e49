import { lazyCode } from '../lazy-code.ts';

/**
 * The whole page drawn by React (DisclosurePage: the document part and the page's own parts).
 * It is code of its own, not part of the first view: when the build's first paint shows the
 * served version in the reader's language, the page keeps that markup and mounts only its own
 * parts into it (PageIslands). Start-up loads it at once when the page will need it (no first
 * paint, another language, another version).
 */
export const fullPage = lazyCode(() => import('./DisclosurePage.tsx'));
