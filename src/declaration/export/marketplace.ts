import type { DataCategory, Declaration } from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { summarize } from '../present/summary.ts';
import {
  countriesText,
  locationText,
  locationsOf,
  recipientText,
  recipientsOf,
} from '../document/references.ts';
import { isolate } from './bidi.ts';
import { safeHref } from './links.ts';
import { oneLine } from './one-line.ts';
import { retentionWords, vendorText } from './vendor-text.ts';

/** One question of the Marketplace "Privacy & security" questionnaire with its derived answer. */
export interface MarketplaceAnswer {
  question: string;
  answer: string;
}

/** Cloud data the app itself handles: the questionnaire is about the cloud app's End-User Data. */
function endUserData(declaration: Declaration): DataCategory[] {
  return declaration.dataCategories.filter(
    (category) =>
      category.platforms.includes('cloud') &&
      category.marketplaceClass !== 'not-end-user-data' &&
      (category.sources.includes('app-runtime') ||
        category.marketplaceClass === 'vendor-collected'),
  );
}

function names(categories: DataCategory[], locale: string): string {
  return categories.map((category) => vendorText(category.name, locale)).join('; ');
}

/**
 * An address as text in an answer: in its canonical form (`safeHref`), so that a form or page
 * that turns addresses into links finds exactly this one, with no space or bracket to end it.
 */
function address(href: string): string {
  return safeHref(href) ?? isolate(href);
}

function yesWith(items: string[], none: string): string {
  return items.length > 0
    ? `Yes. ${items.map((item) => item.replace(/\.(\u2069?)$/, '$1')).join('; ')}.`
    : none;
}

/**
 * Answers for the Marketplace "Privacy & security" questionnaire (data access and storage,
 * third parties, data residency, retention, privacy and security), each derived from the
 * declaration so that the listing and the declaration cannot drift apart.
 */
export function marketplaceAnswers(declaration: Declaration, locale = 'en'): MarketplaceAnswer[] {
  const eud = endUserData(declaration);
  const glance = summarize(declaration, locale);
  const outside = eud.filter((category) =>
    locationsOf(declaration, category).some((location) => location.hostedBy !== 'atlassian'),
  );
  const sharedWith = [...new Set(eud.flatMap((category) => recipientsOf(declaration, category)))];
  const subprocessors = declaration.recipients.filter((r) => r.kind === 'subprocessor');
  const processedOutside = eud.filter(
    (category) => outside.includes(category) || recipientsOf(declaration, category).length > 0,
  );
  const residency = {
    all: 'Yes. All data is stored in Atlassian-hosted or residency-pinned locations that follow the customer’s data residency.',
    some: 'Partly. Some locations follow the customer’s data residency; see the hosting answer for the others.',
    none: 'No. Data is stored in fixed locations that do not follow the customer’s data residency.',
    'not-stated': 'The declaration does not state whether data follows data residency.',
  }[glance.hosting.dataResidency];
  const locations = declaration.locations.map((location) => locationText(location, locale));
  const certifications = (declaration.security?.certifications ?? []).map((c) =>
    vendorText(c.name, locale),
  );
  const regimes = declaration.rights.regimes.map((regime) => LABELS.regime[regime.regime]);
  const erasure =
    declaration.rights.regimes.some((regime) => regime.rights.some((r) => r.right === 'erasure')) ||
    declaration.dataCategories.some((c) => c.retention.deletableOnRequest);
  return [
    {
      question: 'Does your app access End-User Data?',
      answer: yesWith(eud.length ? [names(eud, locale)] : [], 'No.'),
    },
    {
      question: 'Does your app process End-User Data outside of Atlassian products and services?',
      answer: yesWith(processedOutside.length ? [names(processedOutside, locale)] : [], 'No.'),
    },
    {
      question: 'Does your app store End-User Data outside of Atlassian products and services?',
      answer: yesWith(outside.length ? [names(outside, locale)] : [], 'No.'),
    },
    {
      question: 'Does your app share End-User Data with third parties?',
      answer: yesWith(
        sharedWith.map(
          (recipient) =>
            `${recipientText(recipient, locale)}: ${vendorText(recipient.purpose, locale)}`,
        ),
        'No.',
      ),
    },
    {
      question: 'Which subprocessors process data, and where?',
      answer:
        subprocessors.length === 0
          ? 'None.'
          : subprocessors
              .map(
                (r) =>
                  `${vendorText(r.name, locale)} (${countriesText(r.countries, locale) || vendorText(r.geography, locale) || 'location not stated'})`,
              )
              .join('; '),
    },
    {
      question: 'Where is data hosted?',
      answer: locations.length ? locations.join('; ') : 'The app stores no data.',
    },
    { question: 'Does your app support data residency?', answer: residency },
    {
      question: 'How long is End-User Data retained?',
      answer: eud.length
        ? eud
            .map((c) => `${vendorText(c.name, locale)}: ${retentionWords(c.retention, locale)}`)
            .join('; ')
        : 'The app keeps no End-User Data.',
    },
    {
      question: 'Can customers or individuals request deletion of their data?',
      answer: erasure
        ? `Yes. ${vendorText(declaration.rights.howToExercise, locale)}`
        : 'The declaration does not grant a right to deletion.',
    },
    {
      question: 'Which privacy laws does your privacy policy address?',
      answer: regimes.join(', '),
    },
    {
      question: 'Where is your privacy policy, and do you offer a Data Processing Agreement?',
      answer:
        [
          declaration.policy.fullPolicyUrl
            ? `Privacy policy: ${address(declaration.policy.fullPolicyUrl)}`
            : 'No privacy policy link is declared',
          declaration.policy.dpaUrl
            ? `DPA: ${address(declaration.policy.dpaUrl)}`
            : 'no DPA link is declared',
        ].join('; ') + '.',
    },
    {
      question: 'Does your app hold security certifications?',
      answer: certifications.length ? `Yes: ${certifications.join(', ')}.` : 'None are declared.',
    },
  ];
}

/**
 * The questionnaire answers as plain text: each question, its answer, and a blank line. Each
 * answer is one line (a line break in the vendor's text becomes a space), so no text can start
 * a "Q:" or "A:" line of its own.
 */
export function toMarketplaceAnswers(declaration: Declaration, locale = 'en'): string {
  return marketplaceAnswers(declaration, locale)
    .map(({ question, answer }) => `Q: ${question}\nA: ${oneLine(answer)}\n`)
    .join('\n');
}
