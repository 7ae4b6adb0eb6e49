import type { Declaration } from '../schema/index.ts';
import {
  aboutSection,
  additionalSections,
  contactsSection,
  linksSection,
  policySection,
} from './about.ts';
import { policyVersionText } from '../present/stated.ts';
import {
  commitmentsSection,
  notCollectedSection,
  rightsSection,
  securitySection,
  vendorAccessSection,
} from './commitments.ts';
import { isolate } from '../export/bidi.ts';
import { vendorText } from '../export/vendor-text.ts';
import { dataSection, glanceSection, purposesSection } from './data.ts';
import type { DisclosureDocument, Section } from './model.ts';
import {
  cookiesSection,
  locationsSection,
  recipientsSection,
  transfersSection,
} from './parties.ts';

/**
 * Lays a declaration out as a page of sections, independent of HTML or Markdown, so that both
 * exports show the same facts in the same order. Every field of the format appears somewhere.
 */
export function buildDocument(declaration: Declaration, locale = 'en'): DisclosureDocument {
  const vendor =
    vendorText(declaration.vendor.tradingName, locale) ||
    vendorText(declaration.vendor.legalName, locale);
  const summary = vendorText(declaration.summary, locale);
  const sections: (Section | null)[] = [
    glanceSection(declaration, locale),
    summary
      ? { id: 'summary', title: 'Summary', blocks: [{ kind: 'paragraph', content: [summary] }] }
      : null,
    dataSection(declaration, locale),
    purposesSection(declaration, locale),
    locationsSection(declaration, locale),
    recipientsSection(declaration, locale),
    cookiesSection(declaration, locale),
    notCollectedSection(declaration, locale),
    commitmentsSection(declaration, locale),
    transfersSection(declaration, locale),
    rightsSection(declaration, locale),
    securitySection(declaration, locale),
    vendorAccessSection(declaration, locale),
    contactsSection(declaration, locale),
    ...additionalSections(declaration, locale),
    policySection(declaration, locale),
    linksSection(declaration),
    aboutSection(declaration, locale),
  ];
  return {
    title: `${vendorText(declaration.app.name, locale)}: privacy disclosure`,
    subtitle: [
      vendor && `By ${vendor}`,
      `Version ${isolate(policyVersionText(declaration.policy.version))}, last updated ${declaration.policy.lastUpdated}`,
    ]
      .filter(Boolean)
      .join(' · '),
    lang: locale.replace(/_/g, '-'),
    sections: sections.filter((section): section is Section => section !== null),
  };
}
