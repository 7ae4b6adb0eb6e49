import {
  PRERENDER_HIDDEN_CLASS,
  PRERENDER_LOCALE_ATTRIBUTE,
  PRERENDERED_ATTRIBUTE,
} from './prerender-markers.ts';

/** The build's pre-rendered document in `#root`, as it was before the page's script ran. */
export interface FirstPaint {
  /** The content hash of the version it was rendered from. */
  contentHash: string;
  /** The shipped locale it is written in. */
  locale: string;
  /** Its markup. */
  html: string;
}

/** The first paint in `root`, or null when the build wrote none (an older build, a test page). */
export function readFirstPaint(root: HTMLElement): FirstPaint | null {
  const contentHash = root.getAttribute(PRERENDERED_ATTRIBUTE);
  if (!contentHash || root.childElementCount === 0) return null;
  return {
    contentHash,
    locale: root.getAttribute(PRERENDER_LOCALE_ATTRIBUTE) ?? '',
    html: root.innerHTML,
  };
}

/** Whether the first paint shows `contentHash` in `locale`: the page then draws the same markup. */
export function isConfirmed(
  firstPaint: FirstPaint,
  contentHash: string | undefined,
  locale: string,
): boolean {
  return firstPaint.contentHash === contentHash && firstPaint.locale === locale;
}

/** Shows `#root` again, if the gate script hid a first paint in another language. */
export function unhide(): void {
  document.documentElement.classList.remove(PRERENDER_HIDDEN_CLASS);
}
