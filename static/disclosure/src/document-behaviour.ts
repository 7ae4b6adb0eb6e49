/**
 * What the document part of the page does (its header, index and sections): moving focus to a
 * section from the index, opening links out through the host, and filtering "Data collected" by
 * platform. It is done by listening on the document, not by handlers on each element, so the
 * same markup behaves the same whether React drew it (DisclosurePage) or the build did (the
 * pre-rendered first paint, kept as it is when it shows the served version: see PageIslands).
 * The markup says what each element does: `data-external` on a link or button is the address
 * the host opens; `data-platforms` on a part of "Data collected" is the platforms it is about.
 */
import { useEffect } from 'react';
import type { Platform } from '@declaration';
import { say } from '@declaration/document/compose.ts';
import { canChangeDirection } from '@declaration/export/bidi.ts';
import { openExternal } from './api/index.ts';
import { useT, type Translator } from './i18n/index.ts';

/** On a link or button: the https or mailto address the host opens for it. */
export const EXTERNAL_ATTRIBUTE = 'data-external';
/** On a part the platform filter can leave out: the platforms it is about, space-separated. */
export const PLATFORMS_ATTRIBUTE = 'data-platforms';
/**
 * On the paragraph that says nothing is collected on the chosen platform: the platforms some
 * kind of data is collected on, space-separated (for those it stays hidden).
 */
export const FILTER_NONE_ATTRIBUTE = 'data-filter-none';
/** The platform filter's `data-testid`. */
export const PLATFORM_FILTER_TESTID = 'platform-filter';
/** The message a link gets when the host did not open it. */
const OPEN_FAILED_CLASS = 'inline-error';

/** Moves focus to the element with `id` (a heading with tabIndex -1), scrolling it into view. */
export function focusHeading(id: string): boolean {
  const heading = document.getElementById(id);
  if (!heading) return false;
  heading.scrollIntoView?.({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

/** Whether a part about `about` (all platforms when absent) is shown for `platform`. */
export function shownFor(about: readonly Platform[] | undefined, platform: string): boolean {
  return platform === 'all' || !about || about.includes(platform as Platform);
}

/** The `data-platforms` attribute of a part about `platforms` (none when about all). */
export function platformsAttribute(
  platforms: readonly Platform[] | undefined,
): Record<string, string> {
  return platforms ? { [PLATFORMS_ATTRIBUTE]: platforms.join(' ') } : {};
}

function platformsOf(element: Element, attribute: string): Platform[] | undefined {
  const value = element.getAttribute(attribute);
  return value === null ? undefined : (value.split(' ').filter(Boolean) as Platform[]);
}

/**
 * Shows in `section` only the parts about `platform` (`all`: every part), and says so when no
 * kind of data is collected on it.
 */
export function applyPlatformFilter(section: Element, platform: string): void {
  for (const part of section.querySelectorAll<HTMLElement>(`[${PLATFORMS_ATTRIBUTE}]`)) {
    part.hidden = !shownFor(platformsOf(part, PLATFORMS_ATTRIBUTE), platform);
  }
  for (const none of section.querySelectorAll<HTMLElement>(`[${FILTER_NONE_ATTRIBUTE}]`)) {
    const covered = platformsOf(none, FILTER_NONE_ATTRIBUTE) ?? [];
    none.hidden = platform === 'all' || covered.includes(platform as Platform);
  }
}

/** The message after `element` that the host did not open `url`, the address isolated as it must be. */
function showOpenFailed(element: Element, url: string, failed: boolean, t: Translator): void {
  const next = element.nextElementSibling;
  const shown = next?.classList.contains(OPEN_FAILED_CLASS) ? next : null;
  if (!failed) {
    shown?.remove();
    return;
  }
  const message = document.createElement('span');
  message.setAttribute('role', 'status');
  message.className = OPEN_FAILED_CLASS;
  message.append(' ');
  for (const part of say(t, 'document.openFailed', { url: [{ kind: 'vendor', text: url }] })) {
    if (typeof part === 'string') {
      message.append(part);
    } else if (part.kind === 'vendor' && canChangeDirection(part.text)) {
      const isolated = document.createElement('bdi');
      isolated.textContent = part.text;
      message.append(isolated);
    } else if (part.kind === 'vendor') {
      message.append(part.text);
    }
  }
  if (shown) shown.replaceWith(message);
  else element.after(message);
}

/**
 * Listens on `target` (the document) for what the document part's markup asks for; answers the
 * way to stop. `translator` gives the words of the messages it shows.
 */
export function listenForDocument(target: Document, translator: () => Translator): () => void {
  const click = (event: MouseEvent) => {
    if (event.defaultPrevented || !(event.target instanceof Element)) return;
    const element = event.target.closest('a, button');
    if (!element) return;
    const url = element.getAttribute(EXTERNAL_ATTRIBUTE);
    if (url !== null) {
      // The sandboxed frame cannot open a tab: the host does (`router.open`).
      event.preventDefault();
      void openExternal(url).then((result) =>
        showOpenFailed(element, url, !result.ok, translator()),
      );
      return;
    }
    const href = element.getAttribute('href');
    // The index moves focus to the section's heading, so keyboard and screen-reader users land
    // where they asked.
    if (href?.startsWith('#') && element.closest('[data-testid="section-index"]')) {
      if (focusHeading(`${href.slice(1)}-heading`)) event.preventDefault();
    }
  };
  const change = (event: Event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    if (select.dataset.testid !== PLATFORM_FILTER_TESTID) return;
    const section = select.closest('section');
    if (section) applyPlatformFilter(section, select.value);
  };
  target.addEventListener('click', click);
  target.addEventListener('change', change);
  return () => {
    target.removeEventListener('click', click);
    target.removeEventListener('change', change);
  };
}

let listeners = 0;
let stop: (() => void) | undefined;
let current: Translator | undefined;

/**
 * Makes the document part on the page behave as its markup says, for as long as the calling
 * component is mounted (one listener for the page, however many call it).
 */
export function useDocumentBehaviour(): void {
  const t = useT();
  current = t;
  useEffect(() => {
    listeners += 1;
    stop ??= listenForDocument(document, () => current!);
    return () => {
      listeners -= 1;
      if (listeners === 0) {
        stop?.();
        stop = undefined;
      }
    };
  }, []);
}
