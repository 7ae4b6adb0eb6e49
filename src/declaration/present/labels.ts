import type {
  App,
  Cookie,
  DataCategory,
  DataSource,
  DataSubject,
  LegalBasis,
  MarketplaceDataClass,
  Platform,
  Policy,
  Recipient,
  RecipientCategory,
  RetentionBasis,
  RetentionTrigger,
  RightKind,
  RightsRegime,
  StorageLocation,
  SupportChannel,
  Transfer,
} from '../schema/index.ts';

type Tristate = NonNullable<StorageLocation['followsDataResidency']>;

/** English labels for every enum value of the declaration format, keyed by enum then value. */
export interface Labels {
  legalBasis: Record<LegalBasis, string>;
  dataSubject: Record<DataSubject, string>;
  dataSource: Record<DataSource, string>;
  platform: Record<Platform, string>;
  marketplaceClass: Record<MarketplaceDataClass, string>;
  collectedBy: Record<NonNullable<DataCategory['collectedBy']>, string>;
  collection: Record<DataCategory['collection'], string>;
  recipientKind: Record<Recipient['kind'], string>;
  recipientCategory: Record<RecipientCategory, string>;
  retentionBasis: Record<RetentionBasis, string>;
  retentionTrigger: Record<RetentionTrigger, string>;
  right: Record<RightKind, string>;
  regime: Record<RightsRegime['regime'], string>;
  cookieCategory: Record<Cookie['category'], string>;
  cookieParty: Record<Cookie['party'], string>;
  cookieWhere: Record<Cookie['where'][number], string>;
  transferMechanism: Record<Transfer['mechanism'], string>;
  hostedBy: Record<StorageLocation['hostedBy'], string>;
  tristate: Record<Tristate, string>;
  framework: Record<NonNullable<App['framework']>, string>;
  product: Record<NonNullable<App['products']>[number], string>;
  supportChannel: Record<SupportChannel['kind'], string>;
  lastUpdatedSource: Record<NonNullable<Policy['lastUpdatedSource']>, string>;
}

/** English labels for every enum value of the format, for people who do not read YAML. */
export const LABELS: Labels = {
  legalBasis: {
    consent: 'Consent',
    contract: 'Performance of a contract',
    'legal-obligation': 'Legal obligation',
    'vital-interests': 'Vital interests',
    'public-task': 'Public task',
    'legitimate-interests': 'Legitimate interests',
    'not-stated': 'Not stated',
  },
  dataSubject: {
    'end-users': 'End users',
    administrators: 'Administrators',
    'technical-contacts': 'Technical contacts',
    'billing-contacts': 'Billing contacts',
    resellers: 'Resellers',
    customers: 'Customer organisations',
    'website-visitors': 'Website visitors',
    'support-requesters': 'People asking for support',
    'survey-respondents': 'Survey respondents',
    prospects: 'Prospective customers',
    none: 'Not about people',
  },
  dataSource: {
    'app-runtime': 'The app while it runs',
    atlassian: 'Atlassian',
    'marketplace-order': 'Marketplace orders',
    'uninstall-feedback': 'Uninstall feedback',
    'support-request': 'Support requests',
    survey: 'Surveys',
    'web-form': 'Web forms',
    website: 'The website',
    email: 'E-mail',
    person: 'The person directly',
    'third-party': 'Third parties',
  },
  platform: { cloud: 'Cloud', 'data-center': 'Data Center', server: 'Server' },
  marketplaceClass: {
    'vendor-collected': 'End User Data collected by the vendor',
    'atlassian-collected': 'End User Data collected by Atlassian',
    'not-end-user-data': 'Not End User Data',
  },
  collectedBy: { vendor: 'The vendor', atlassian: 'Atlassian', customer: 'The customer' },
  collection: { required: 'Required', optional: 'Optional' },
  recipientKind: { subprocessor: 'Subprocessor', recipient: 'Other recipient' },
  recipientCategory: {
    infrastructure: 'Hosting and infrastructure',
    support: 'Customer support',
    analytics: 'Analytics',
    marketing: 'Marketing',
    payments: 'Payments and billing',
    communication: 'Communication',
    productivity: 'Productivity tools',
    licensing: 'Licensing',
    'professional-advice': 'Professional advisers',
    'legal-disclosure': 'Legal disclosure',
    'business-transfer': 'Business transfer',
    platform: 'Platform provider',
    other: 'Other',
  },
  retentionBasis: {
    'fixed-period': 'Fixed period',
    'until-purpose-fulfilled': 'Until no longer needed',
    'until-deletion-request': 'Until deletion is requested',
    'while-account-active': 'While the account is active',
    'while-subscribed': 'While subscribed',
    'while-installed': 'While the app is installed',
    indefinitely: 'Indefinitely',
    'not-stored': 'Not stored',
    'not-stated': 'Not stated',
  },
  retentionTrigger: {
    collection: 'Collection',
    'last-activity': 'Last activity',
    uninstall: 'Uninstall',
    'subscription-end': 'End of subscription',
    'account-closure': 'Account closure',
    'contract-end': 'End of contract',
    'deletion-request': 'Deletion request',
  },
  right: {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction of processing',
    objection: 'Objection',
    portability: 'Data portability',
    'withdraw-consent': 'Withdraw consent',
    complaint: 'Complain to a supervisory authority',
    know: 'Know what is collected',
    'opt-out-of-sale': 'Opt out of sale',
    'non-discrimination': 'Non-discrimination',
    unsubscribe: 'Unsubscribe',
    other: 'Other',
  },
  regime: {
    gdpr: 'GDPR (EU)',
    'uk-gdpr': 'UK GDPR',
    ccpa: 'CCPA (California)',
    lgpd: 'LGPD (Brazil)',
    pipeda: 'PIPEDA (Canada)',
    'australian-privacy-act': 'Privacy Act (Australia)',
    pipa: 'PIPA (South Korea)',
    general: 'Everyone',
    other: 'Other',
  },
  cookieCategory: {
    'strictly-necessary': 'Strictly necessary',
    functional: 'Functional',
    analytics: 'Analytics',
    marketing: 'Marketing',
    survey: 'Surveys',
    other: 'Other',
  },
  cookieParty: { first: 'First party', third: 'Third party' },
  cookieWhere: {
    app: 'The app',
    website: 'The website',
    documentation: 'The documentation',
    'marketplace-listing': 'The Marketplace listing',
    email: 'E-mail',
  },
  transferMechanism: {
    'adequacy-decision': 'Adequacy decision',
    'standard-contractual-clauses': 'Standard contractual clauses',
    'data-privacy-framework': 'Data Privacy Framework',
    'binding-corporate-rules': 'Binding corporate rules',
    consent: 'Consent',
    'contract-necessity': 'Necessary for a contract',
    'not-stated': 'Not stated',
    other: 'Other',
  },
  hostedBy: {
    atlassian: 'Atlassian',
    vendor: 'The vendor',
    subprocessor: 'A subprocessor',
    customer: "The customer's own servers",
    'not-stated': 'Not stated',
  },
  tristate: { yes: 'Yes', no: 'No', 'not-stated': 'Not stated' },
  framework: { forge: 'Forge', connect: 'Connect', p2: 'P2 plugin', other: 'Other' },
  product: {
    jira: 'Jira',
    'jira-service-management': 'Jira Service Management',
    confluence: 'Confluence',
    bitbucket: 'Bitbucket',
    compass: 'Compass',
    bamboo: 'Bamboo',
    other: 'Other',
  },
  supportChannel: {
    email: 'E-mail',
    portal: 'Portal',
    chat: 'Chat',
    phone: 'Phone',
    community: 'Community',
    form: 'Form',
    other: 'Other',
  },
  lastUpdatedSource: {
    policy: 'Stated in the policy',
    declaration: 'The policy is undated; this is when the declaration was written',
  },
};
