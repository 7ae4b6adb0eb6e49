import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { marketplacePrivacyUrl } from '../present/marketplace-url.ts';
import { policyVersionText } from '../present/stated.ts';
import type { Declaration } from '../schema/index.ts';
import {
  definitions,
  firstOf,
  headed,
  joinedList,
  labelled,
  link,
  list,
  notes,
  paragraph,
  run,
  runs,
  words,
} from './blocks.ts';
import { hasText, say } from './compose.ts';
import { formatDate } from './format.ts';
import type { Block, Inline, Section } from './model.ts';

/** The vendor, its privacy contact and officer, and its support channels. */
export function contactsSection(declaration: Declaration, translator: Translator): Section {
  const locale = translator.locale;
  const vendor = declaration.vendor;
  const officer = vendor.privacyOfficer;
  const officerName = officer
    ? hasText(run(officer.name, locale))
      ? say(translator, 'value.labelled', {
          label: run(officer.role, locale),
          value: run(officer.name, locale),
        })
      : run(officer.role, locale)
    : [];
  const legalName = run(vendor.legalName, locale);
  return {
    id: 'contacts',
    title: translator.t('section.contacts'),
    blocks: [
      ...definitions(translator, [
        [
          'label.legalName',
          hasText(legalName) || vendor.tradingName ? legalName : [translator.t('value.notNamed')],
        ],
        ['label.tradingName', run(vendor.tradingName, locale)],
        ['label.establishedIn', vendor.country ? [countryName(vendor.country, locale)] : []],
        ['label.address', run(vendor.registeredAddress, locale)],
        ['label.website', link(vendor.website)],
        ['label.privacyContact', link(vendor.privacyContact, undefined, 'privacy-contact')],
        [
          'label.officer',
          officer
            ? [
                officerName,
                link(officer.email && `mailto:${officer.email}`),
                link(officer.url),
                run(officer.description, locale),
              ]
            : [],
        ],
      ]),
      ...headed(
        translator,
        'label.support',
        list(
          (vendor.supportChannels ?? []).map((channel) =>
            say(translator, 'value.labelled', {
              label: label(translator, 'supportChannel', channel.kind),
              value: channel.link
                ? link(channel.link, run(channel.label, locale))
                : run(channel.label, locale),
            }),
          ),
        ),
      ),
      ...notes(translator, vendor.notes, locale),
    ],
  };
}

/** Anything else the policy says, under the vendor's own headings; null when there is nothing. */
export function additionalSection(
  declaration: Declaration,
  translator: Translator,
): Section | null {
  const sections = declaration.sections ?? [];
  if (sections.length === 0) return null;
  const locale = translator.locale;
  return {
    id: 'additional',
    title: translator.t('section.additional'),
    blocks: sections.map((section): Block => ({
      kind: 'heading',
      text: run(section.title, locale),
      blocks: runs(section.paragraphs, locale).flatMap((text) => paragraph(text)),
    })),
  };
}

/** What the app is, and what is true on each hosting platform. */
export function aboutAppSection(declaration: Declaration, translator: Translator): Section {
  const app = declaration.app;
  const locale = translator.locale;
  return {
    id: 'about-app',
    title: translator.t('section.aboutApp'),
    blocks: [
      ...definitions(translator, [
        ['label.app', run(app.name, locale)],
        ['label.coveredApps', joinedList(translator, runs(app.coveredApps, locale))],
        [
          'label.products',
          joinedList(
            translator,
            labels(translator, 'product', app.products ?? []).map((p) => [p]),
          ),
        ],
        ['label.framework', app.framework && [label(translator, 'framework', app.framework)]],
        ['label.forgeAppId', words(app.forgeAppId)],
      ]),
      ...headed(
        translator,
        'label.onEachPlatform',
        definitions(
          translator,
          app.platforms.map((statement) => [
            [label(translator, 'platform', statement.platform)],
            [
              run(statement.statement, locale),
              labelled(
                translator,
                'label.framework',
                statement.framework ? [label(translator, 'framework', statement.framework)] : [],
              ),
            ],
          ]),
        ),
      ),
      ...headed(
        translator,
        'label.notCovered',
        definitions(
          translator,
          (app.notCovered ?? []).map((entry) => [
            [label(translator, 'platform', entry.platform)],
            firstOf(run(entry.statement, locale), [translator.t('value.notCovered')]),
          ]),
        ),
      ),
      ...notes(translator, app.notes, locale),
    ],
  };
}

/**
 * The policy itself: which version, since when, what it covers, how changes are announced, and
 * the declaration's notes on it (where the policy is vague or silent), under their own heading.
 */
export function policySection(declaration: Declaration, translator: Translator): Section {
  const policy = declaration.policy;
  const locale = translator.locale;
  const version = policyVersionText(policy.version, translator);
  return {
    id: 'about-policy',
    title: translator.t('section.aboutPolicy'),
    blocks: [
      ...definitions(translator, [
        ['label.scope', run(policy.scope, locale)],
        ['label.policyVersion', policy.version === 'not-stated' ? [version] : words(version)],
        [
          'label.effective',
          policy.effectiveDate ? [formatDate(policy.effectiveDate, translator)] : [],
        ],
        ['label.lastUpdated', [formatDate(policy.lastUpdated, translator)]],
        [
          'label.dateSource',
          policy.lastUpdatedSource && [
            label(translator, 'lastUpdatedSource', policy.lastUpdatedSource),
          ],
        ],
        ['label.changeNotice', run(policy.changeNotice, locale)],
      ]),
      ...headed(translator, 'label.policyNotes', list(runs(policy.notes, locale))),
    ],
  };
}

/**
 * The policy, its companion documents and the Marketplace listing, with the listing's "Privacy &
 * security" tab as the thing to open; null when the declaration links none of them.
 */
export function linksSection(declaration: Declaration, translator: Translator): Section | null {
  const policy = declaration.policy;
  const app = declaration.app;
  const documents: Inline[] = [
    link(policy.fullPolicyUrl, [translator.t('label.fullPolicy')], 'link-full-policy'),
    link(policy.dpaUrl, [translator.t('label.dpa')], 'link-dpa'),
    link(policy.trustCenterUrl, [translator.t('label.trustCenter')], 'link-trust-center'),
    link(policy.securityUrl, [translator.t('label.securityPage')], 'link-security'),
    link(app.marketplaceUrl, [translator.t('label.marketplaceListing')], 'link-marketplace'),
  ];
  const privacyTab = marketplacePrivacyUrl(app.marketplaceUrl);
  const blocks: Block[] = [
    ...list(documents),
    ...(privacyTab
      ? [
          {
            kind: 'link' as const,
            link: {
              kind: 'link' as const,
              href: privacyTab,
              text: [translator.t('label.marketplacePrivacy')],
              testId: 'marketplace-button',
            },
          },
        ]
      : []),
  ];
  if (blocks.length === 0) return null;
  return { id: 'links', title: translator.t('section.links'), blocks };
}
