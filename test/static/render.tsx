import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Declaration, DisclosureView, ReviewRecord, VersionMeta } from '@declaration';
import { marketplacePrivacyUrl } from '@declaration';
import { LocaleContext, messagesFor } from '../../static/disclosure/src/i18n/index.ts';

/** Renders a part of the page the way main.tsx does: inside the locale provider. */
export function renderWithLocale(ui: ReactElement, locale = 'en-US') {
  return render(
    <LocaleContext.Provider value={{ locale, t: messagesFor(locale) }}>
      {ui}
    </LocaleContext.Provider>,
  );
}

/** Version metadata as the backend stores it, for version `version` of `declaration`. */
export function versionMeta(
  declaration: Declaration,
  version: number,
  publishedAt: string,
): VersionMeta {
  return {
    version,
    contentHash: `${'0'.repeat(63)}${version}`,
    publishedAt,
    appVersion: `1.${version}.0`,
    policyVersion: declaration.policy.version,
    lastUpdated: declaration.policy.lastUpdated,
  };
}

/** A `disclosure/get` answer for `declaration` as version `version`. */
export function viewOf(
  declaration: Declaration,
  options: {
    version?: number;
    canReview?: boolean;
    current?: ReviewRecord | null;
    lastReviewed?: ReviewRecord | null;
  } = {},
): DisclosureView {
  const version = options.version ?? 1;
  return {
    declaration,
    version: versionMeta(declaration, version, '2026-11-20T09:30:00.000Z'),
    review: { current: options.current ?? null, lastReviewed: options.lastReviewed ?? null },
    canReview: options.canReview ?? true,
    marketplacePrivacyUrl: marketplacePrivacyUrl(declaration.app.marketplaceUrl),
  };
}
