import type { Translator } from '../i18n/index.ts';
import type { PublishedManifestFacts } from '../manifest/published.ts';
import type { Declaration } from '../schema/index.ts';
import {
  aboutAppSection,
  additionalSection,
  contactsSection,
  linksSection,
  policySection,
} from './about.ts';
import { firstOf, run, words } from './blocks.ts';
import { commitmentsSection, notCollectedSection, rightsSection } from './commitments.ts';
import { say } from './compose.ts';
import { dataSection, purposesSection } from './data.ts';
import { formatDate } from './format.ts';
import { glanceSection } from './glance.ts';
import { logsSection } from './logs.ts';
import type { DisclosureDocument, Section } from './model.ts';
import {
  cookiesSection,
  locationsSection,
  recipientsSection,
  transfersSection,
} from './parties.ts';
import { securitySection } from './security.ts';
import { vendorAccessSection } from './vendor-access.ts';

/**
 * The disclosure of a declaration for one reader: the sections in their order, each present only
 * when it has something to say, in typed blocks whose every word comes from the translator's
 * catalogue or from the declaration (in the reader's language where the vendor translated it).
 * The page, the HTML export and the Markdown export all render this, so a field added here
 * appears in all three. `options.manifest` is the version's manifest facts (null when it has
 * none), shown at a glance.
 */
export function buildDocument(
  declaration: Declaration,
  translator: Translator,
  options: { manifest?: PublishedManifestFacts | null } = {},
): DisclosureDocument {
  const locale = translator.locale;
  const { vendor, policy } = declaration;
  const vendorName = firstOf(run(vendor.tradingName, locale), run(vendor.legalName, locale));
  const date = formatDate(policy.lastUpdated, translator);
  const summary = run(declaration.summary, locale);
  const sections: (Section | null)[] = [
    glanceSection(declaration, translator, options.manifest),
    dataSection(declaration, translator),
    purposesSection(declaration, translator),
    locationsSection(declaration, translator),
    transfersSection(declaration, translator),
    recipientsSection(declaration, translator),
    logsSection(declaration, translator),
    cookiesSection(declaration, translator),
    notCollectedSection(declaration, translator),
    commitmentsSection(declaration, translator),
    rightsSection(declaration, translator),
    securitySection(declaration, translator),
    vendorAccessSection(declaration, translator),
    contactsSection(declaration, translator),
    additionalSection(declaration, translator),
    aboutAppSection(declaration, translator),
    policySection(declaration, translator),
    linksSection(declaration, translator),
  ];
  return {
    lang: locale,
    title: say(translator, 'document.title', { app: run(declaration.app.name, locale) }),
    byline: say(translator, 'document.declaredBy', {
      vendor: vendorName.length > 0 ? vendorName : translator.t('document.unnamedVendor'),
    }),
    versionLine:
      policy.version === 'not-stated'
        ? say(translator, 'document.versionLineNotStated', { date })
        : say(translator, 'document.versionLine', { version: words(policy.version), date }),
    summary: summary.length > 0 ? summary : null,
    sections: sections.filter((section): section is Section => section !== null),
  };
}
