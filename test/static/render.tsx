import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Declaration, DisclosureView, ReviewRecord, VersionMeta } from '@declaration';
import { marketplacePrivacyUrl } from '@declaration';
import { createTranslator, resolveLocale } from '@declaration/i18n/index.ts';
import { TranslatorContext } from '../../static/disclosure/src/i18n/index.ts';
import { repoRoot } from './examples.ts';

// The versions section's body is code the page loads on demand: imported once here, so that its
// first load in a test that renders the page does not wait for the runner to transform it.
await import('../../static/disclosure/src/components/VersionHistory.tsx');

/** The translator the page gets for `locale`: its shipped catalogue, read as Forge serves it. */
export function translatorFor(locale: string) {
  const file = join(repoRoot, 'locales', `${resolveLocale(locale)}.json`);
  return createTranslator(locale, JSON.parse(readFileSync(file, 'utf8')));
}

/** Renders a part of the page the way main.tsx does: inside the translator's provider. */
export function renderWithLocale(ui: ReactElement, locale = 'en-US') {
  return render(
    <TranslatorContext.Provider value={translatorFor(locale)}>{ui}</TranslatorContext.Provider>,
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
    manifest?: DisclosureView['manifest'];
    material?: DisclosureView['material'];
  } = {},
): DisclosureView {
  const version = options.version ?? 1;
  return {
    declaration,
    version: versionMeta(declaration, version, '2026-11-20T09:30:00.000Z'),
    review: { current: options.current ?? null, lastReviewed: options.lastReviewed ?? null },
    canReview: options.canReview ?? true,
    marketplacePrivacyUrl: marketplacePrivacyUrl(declaration.app.marketplaceUrl),
    manifest: options.manifest ?? null,
    material: options.material ?? null,
  };
}
