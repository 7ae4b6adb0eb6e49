import type { Declaration } from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { marketplacePrivacyUrl } from '../present/marketplace-url.ts';
import { policyVersionText } from '../present/stated.ts';
import { isolate } from '../export/bidi.ts';
import { vendorText } from '../export/vendor-text.ts';
import { facts, joined, link, listOf, notesBlock, type Block, type Section } from './model.ts';

/** How to reach the vendor and its privacy officer. */
export function contactsSection(declaration: Declaration, locale: string): Section {
  const vendor = declaration.vendor;
  const officer = vendor.privacyOfficer;
  const blocks: Block[] = [
    facts([
      ['Company', vendorText(vendor.legalName, locale) || 'Not named in the policy'],
      ['Trading as', vendorText(vendor.tradingName, locale)],
      ['Country', vendor.country && countryName(vendor.country, locale)],
      ['Registered address', vendorText(vendor.registeredAddress, locale)],
      ['Website', link(vendor.website)],
      ['Privacy contact', link(vendor.privacyContact)],
    ]),
  ];
  if (officer) {
    blocks.push({
      kind: 'subsection',
      title: vendorText(officer.role, locale),
      blocks: [
        facts([
          ['Name', vendorText(officer.name, locale)],
          ['E-mail', link(officer.email && `mailto:${officer.email}`)],
          ['Web', link(officer.url)],
          ['Role', vendorText(officer.description, locale)],
        ]),
      ],
    });
  }
  if (vendor.supportChannels?.length) {
    blocks.push({
      kind: 'subsection',
      title: 'Support',
      blocks: [
        {
          kind: 'list',
          items: vendor.supportChannels.map((channel) => [
            `${LABELS.supportChannel[channel.kind]}: `,
            ...(link(channel.link, vendorText(channel.label, locale)) ?? [
              vendorText(channel.label, locale),
            ]),
          ]),
        },
      ],
    });
  }
  blocks.push(...notesBlock(vendor.notes, locale));
  return { id: 'contacts', title: 'Contacts', blocks };
}

/** Anything else the policy says, as the vendor titled it. */
export function additionalSections(declaration: Declaration, locale: string): Section[] {
  return (declaration.sections ?? []).map((section, index) => ({
    id: `section-${index + 1}`,
    title: vendorText(section.title, locale),
    blocks: section.paragraphs.map((paragraph) => ({
      kind: 'paragraph' as const,
      content: [vendorText(paragraph, locale)],
    })),
  }));
}

/**
 * The policy itself: which version, since when, what it covers, how changes are announced, and
 * the declaration's notes on it (where the policy is vague or silent), under their own heading.
 */
export function policySection(declaration: Declaration, locale: string): Section {
  const policy = declaration.policy;
  const notes = policy.notes ?? [];
  return {
    id: 'about-policy',
    title: 'About this policy',
    blocks: [
      facts([
        ['Policy version', isolate(policyVersionText(policy.version))],
        ['Effective', policy.effectiveDate],
        ['Last updated', policy.lastUpdated],
        [
          'Date source',
          policy.lastUpdatedSource && LABELS.lastUpdatedSource[policy.lastUpdatedSource],
        ],
        ['Applies to', vendorText(policy.scope, locale)],
        ['How changes are announced', vendorText(policy.changeNotice, locale)],
      ]),
      ...(notes.length > 0
        ? [
            {
              kind: 'subsection' as const,
              title: 'What to know about this policy',
              blocks: [listOf(notes, locale)],
            },
          ]
        : []),
    ],
  };
}

/** The policy, its companion documents and the Marketplace listing; null when none is given. */
export function linksSection(declaration: Declaration): Section | null {
  const policy = declaration.policy;
  const app = declaration.app;
  const links = facts([
    ['Full privacy policy', link(policy.fullPolicyUrl)],
    ['Data Processing Agreement', link(policy.dpaUrl)],
    ['Security', link(policy.securityUrl)],
    ['Trust center', link(policy.trustCenterUrl)],
    ['Marketplace listing', link(app.marketplaceUrl)],
    [
      'Marketplace privacy & security',
      link(marketplacePrivacyUrl(app.marketplaceUrl) ?? undefined),
    ],
  ]);
  if (links.kind !== 'facts' || links.items.length === 0) return null;
  return { id: 'links', title: 'Links', blocks: [links] };
}

/** What the app is and what is true on each hosting platform. */
export function aboutSection(declaration: Declaration, locale: string): Section {
  const app = declaration.app;
  return {
    id: 'about',
    title: 'About the app',
    blocks: [
      facts([
        ['App', vendorText(app.name, locale)],
        ['Also covers', joined((app.coveredApps ?? []).map((a) => vendorText(a, locale)))],
        ['Products', joined((app.products ?? []).map((p) => LABELS.product[p]))],
        ['Built with', app.framework && LABELS.framework[app.framework]],
        ['Forge app id', app.forgeAppId && isolate(app.forgeAppId)],
      ]),
      {
        kind: 'subsection',
        title: 'On each platform',
        blocks: [
          facts(
            app.platforms.map((statement) => [
              LABELS.platform[statement.platform],
              vendorText(statement.statement, locale),
            ]),
          ),
        ],
      },
      ...notesBlock(app.notes, locale),
    ],
  };
}
