import type { ReactNode } from 'react';
import { phrase } from './phrase.ts';

/**
 * Every string the page shows that does not come from the declaration, in English. Translations
 * copy this object with the same keys (the `Messages` type checks them); declaration text and the
 * enum labels of `@declaration`'s `LABELS` are localised separately. A sentence that holds
 * declaration text takes it as a node, so that the page can isolate it (see `phrase`).
 */
export const en = {
  pageTitle: (app: ReactNode) => phrase('Privacy: ', app),
  declaredBy: (vendor: ReactNode) => phrase('Declared by ', vendor),
  unnamedVendor: 'a vendor that does not name itself',
  /** `policyVersion` is null when the policy gives none: "not stated" then reads mid-sentence. */
  versionLine: (policyVersion: ReactNode | null, lastUpdated: string) =>
    policyVersion === null
      ? `Policy version not stated, last updated ${lastUpdated}`
      : phrase('Policy version ', policyVersion, `, last updated ${lastUpdated}`),
  sectionIndex: 'On this page',

  sections: {
    atAGlance: 'At a glance',
    dataCollected: 'Data collected',
    whereDataLives: 'Where data lives',
    recipients: 'Who else receives it',
    cookies: 'Cookies and trackers',
    notCollected: 'What is not collected',
    commitments: 'Commitments',
    transfers: 'International transfers',
    rights: 'Your rights',
    security: 'Security',
    vendorAccess: 'Vendor access to your data',
    contacts: 'Contacts',
    additional: 'More from the policy',
    aboutPolicy: 'About this policy',
    links: 'Links',
    platforms: 'Per platform',
    versions: 'Versions',
    downloads: 'Download',
  },

  glance: {
    personalData: 'Personal data',
    personalYes: (personal: number, total: number) =>
      `Yes: ${personal} of ${total} kinds of data are personal`,
    personalNo: 'No personal data collected',
    nothingCollected: 'Nothing is collected',
    sensitive: (count: number) =>
      count === 0
        ? 'No sensitive data'
        : `${count} kind${count === 1 ? '' : 's'} of sensitive data`,
    hosted: 'Where it is hosted',
    notStored: 'Not stored anywhere',
    whereNotStated: 'The policy does not say where',
    backupsIn: (places: ReactNode) => phrase('Backups in ', places),
    onAtlassian: "Stays on Atlassian's infrastructure",
    notOnAtlassian: "Leaves Atlassian's infrastructure",
    residency: {
      all: 'Follows your data residency',
      some: 'Partly follows your data residency',
      none: 'Does not follow your data residency',
      'not-stated': 'Data residency not stated',
    },
    retention: 'How long it is kept',
    longest: 'Longest',
    longestStated: 'Longest stated',
    typical: 'Typical',
    retentionNotStated: (count: number) =>
      `Not stated for ${count} kind${count === 1 ? '' : 's'} of data`,
    noRetentionStated: 'Not stated for any kind of data',
    subprocessors: 'Subprocessors',
    subprocessorCount: (count: number) =>
      count === 0 ? 'None' : `${count} subprocessor${count === 1 ? '' : 's'}`,
    inCountries: (countries: string) => `in ${countries}`,
    withoutCountry: (count: number) => `${count} without a stated country`,
    otherRecipients: (count: number) => `${count} other recipient${count === 1 ? '' : 's'}`,
    platforms: 'Platforms covered',
    version: 'Version',
  },

  table: {
    caption: 'Every kind of data the app or vendor collects',
    what: 'What',
    whose: 'Whose',
    why: 'Why',
    where: 'Where stored',
    howLong: 'How long',
    sharedWith: 'Shared with',
    examples: 'Examples',
    legalBasis: 'Legal basis',
    personal: 'Personal data',
    sensitive: 'Sensitive',
    optional: 'Optional',
    notStored: 'Not stored',
    notStated: 'Not stated',
    nobody: 'Nobody',
    noneCollected: 'This app declares that it collects no data.',
    filterLabel: 'Platform',
    allPlatforms: 'All platforms',
    noneOnPlatform: 'Nothing is collected on this platform.',
    howToDisable: 'How to turn it off',
  },

  locations: {
    hostedBy: 'Hosted by',
    provider: 'Provider',
    region: 'Region',
    country: 'Country',
    holds: 'Holds',
    residency: 'Follows data residency',
    backups: 'Backups',
    platforms: 'Platforms',
    none: 'No storage locations are declared.',
  },

  recipientsSection: {
    name: 'Recipient',
    kind: 'Kind',
    purpose: 'Purpose',
    countries: 'Where',
    when: 'When',
    safeguards: 'Safeguards',
    noSafeguards: 'None stated',
    privacyPolicy: 'Privacy policy',
    optOut: 'Opt out',
    none: 'No one else receives data.',
    notStated: 'Not stated',
  },

  cookies: {
    name: 'Name',
    purpose: 'Purpose',
    category: 'Category',
    party: 'Set by',
    where: 'Used on',
    duration: 'Lifetime',
    optOut: 'Opt out',
    notStated: 'Not stated',
  },

  transfers: {
    from: 'From',
    to: 'To',
    mechanism: 'Mechanism',
    reason: 'Why',
    anywhere: 'Not stated',
  },

  rights: {
    appliesTo: (who: ReactNode) => phrase('Applies to: ', who),
    howToExercise: 'How to exercise your rights',
    contact: 'Send requests to',
    responseTime: (duration: string) => `Answered within ${duration}`,
    complaints: 'Complaints',
  },

  security: {
    measures: 'Measures',
    certifications: 'Certifications',
    incidents: 'Incident notification',
    disclaimers: 'Limits',
    who: 'Who',
    when: 'When',
    contractors: 'Contractors',
  },

  contacts: {
    vendor: 'Vendor',
    legalName: 'Legal name',
    tradingName: 'Trading as',
    country: 'Established in',
    address: 'Registered address',
    website: 'Website',
    privacyContact: 'Privacy contact',
    officer: 'Privacy officer',
    support: 'Support',
  },

  aboutPolicy: {
    version: 'Policy version',
    effective: 'In effect since',
    lastUpdated: 'Last updated',
    scope: 'Applies to',
    changeNotice: 'How changes are announced',
    notes: 'What to know about this policy',
  },

  links: {
    fullPolicy: 'Full privacy policy',
    dpa: 'Data Processing Agreement',
    trustCenter: 'Trust center',
    security: 'Security page',
    marketplace: 'View on Atlassian Marketplace',
    opensInNewTab: '(opens in a new tab)',
    openFailed: (url: ReactNode) => phrase('Could not open ', url, '. Copy the address instead.'),
  },

  notes: 'Notes',
  exceptions: 'Exceptions',
  platformsLabel: 'Platforms',
  yes: 'Yes',
  no: 'No',
};

/** The shape every translation of the UI strings has. */
export type Messages = typeof en;
