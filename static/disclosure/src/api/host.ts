import { resolveLocale, type ShippedLocale } from '@declaration/i18n/locales.ts';
import { describeError, loadBridge } from './bridge.ts';

/** Light or dark, as the host reports it. */
export type ColorMode = 'light' | 'dark';

/** What the page needs from `view.getContext()`, checked and normalised. */
export interface HostContext {
  /**
   * The shipped catalogue for the host's locale, in Forge's lookup order (`de-AT` and `de_DE`
   * read `de-DE`; a locale without a catalogue, or garbage, reads `en-US`): the page's one
   * language, for its words, `Intl` and which translation of vendor text it shows.
   */
  locale: ShippedLocale;
  /** The manifest module key, e.g. "privacy-disclosure-jira-admin". */
  moduleKey: string;
  /** The module type, e.g. "jira:adminPage" or "confluence:globalPage". */
  extensionType: string;
  /** The host's colour mode, when it says. */
  colorMode: ColorMode | null;
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
      locale: resolveLocale(typeof context.locale === 'string' ? context.locale : null),
      moduleKey: typeof context.moduleKey === 'string' ? context.moduleKey : '',
      extensionType: typeof context.extension?.type === 'string' ? context.extension.type : '',
      colorMode: readColorMode(context.theme),
    };
  } catch {
    return { locale: 'en-US', moduleKey: '', extensionType: '', colorMode: null };
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
