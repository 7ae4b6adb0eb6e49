import { describeError, loadBridge } from './bridge.ts';

/** Light or dark, as the host reports it. */
export type ColorMode = 'light' | 'dark';

/** What the page needs from `view.getContext()`, checked and normalised. */
export interface HostContext {
  /** A BCP 47 locale usable with `Intl`, e.g. "en-US". */
  locale: string;
  /** The manifest module key, e.g. "privacy-disclosure-jira-admin". */
  moduleKey: string;
  /** The module type, e.g. "jira:adminPage" or "confluence:globalPage". */
  extensionType: string;
  /** The host's colour mode, when it says. */
  colorMode: ColorMode | null;
}

/**
 * Turns an untrusted locale ("en_US", "de-DE", garbage) into a tag `Intl` accepts; English when
 * it is unusable, because a bad locale must not break the page.
 */
export function normalizeLocale(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.trim()) return 'en';
  try {
    return Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function readColorMode(theme: unknown): ColorMode | null {
  const mode = (theme as { colorMode?: unknown } | null | undefined)?.colorMode;
  return mode === 'light' || mode === 'dark' ? mode : null;
}

/** Reads and normalises the host context; English and unknown module when the host fails. */
export async function getHostContext(): Promise<HostContext> {
  try {
    const { view } = await loadBridge();
    const context = await view.getContext();
    return {
      locale: normalizeLocale(context.locale),
      moduleKey: typeof context.moduleKey === 'string' ? context.moduleKey : '',
      extensionType: typeof context.extension?.type === 'string' ? context.extension.type : '',
      colorMode: readColorMode(context.theme),
    };
  } catch {
    return { locale: 'en', moduleKey: '', extensionType: '', colorMode: null };
  }
}

/**
 * Asks the host to apply and follow its theme (it sets `data-color-mode` on `<html>` and keeps
 * it in sync). Failing to theme is not fatal: the page stays readable in the light theme.
 */
export async function enableHostTheme(): Promise<void> {
  try {
    const { view } = await loadBridge();
    await view.theme.enable();
  } catch {
    // Keep the attributes the page set itself.
  }
}

/**
 * Opens an external link in a new tab through the host: the sandboxed iframe can neither open
 * popups nor navigate the top window. Only https and mailto links are ever passed here.
 */
export async function openExternal(
  url: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const { router } = await loadBridge();
    await router.open(url);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}
