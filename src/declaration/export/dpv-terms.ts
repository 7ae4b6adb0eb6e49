/**
 * The one table from the declaration's enums to the W3C Data Privacy Vocabulary (DPV 2.3 and
 * its extensions for personal data, locations and the GDPR). A value maps to DPV's own term only
 * where the term means what the value means; a value with no such term maps to nothing (`[]`),
 * and the export then writes a node of the entry's `fallback` class with the value's words as
 * `dct:description`. No term here is invented: a test holds every one against DPV's published
 * term list.
 */
import type {
  BackupFrequency,
  DataForm,
  DataSource,
  DataSubject,
  LegalBasis,
  PersonalStatus,
  Recipient,
  RetentionBasis,
  RightKind,
  RightsRegime,
  Transfer,
  Tristate,
} from '../schema/index.ts';
import { COUNTRY_CODES } from '../schema/countries.ts';

/** The namespaces of the export's `@context`, as DPV 2 publishes them. */
export const DPV_CONTEXT = {
  dpv: 'https://w3id.org/dpv#',
  pd: 'https://w3id.org/dpv/pd#',
  loc: 'https://w3id.org/dpv/loc#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  dct: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** A term of DPV or one of its extensions, as a compact IRI. */
export type DpvTerm = `dpv:${string}` | `pd:${string}` | `loc:${string}` | `eu-gdpr:${string}`;

/**
 * The classes and properties the export builds its graph from, whatever the declaration says.
 * DPV 2 says `dpv:Process` where DPV 1 said `dpv:PersonalDataHandling` (now sunset).
 */
export const DPV = {
  Process: 'dpv:Process',
  DataController: 'dpv:DataController',
  Purpose: 'dpv:Purpose',
  Data: 'dpv:Data',
  PersonalData: 'dpv:PersonalData',
  StorageLocation: 'dpv:StorageLocation',
  StorageDuration: 'dpv:StorageDuration',
  TemporalDuration: 'dpv:TemporalDuration',
  StorageDeletion: 'dpv:StorageDeletion',
  StorageRestoration: 'dpv:StorageRestoration',
  Location: 'dpv:Location',
  Encryption: 'dpv:Encryption',
  CryptographicKeyManagement: 'dpv:CryptographicKeyManagement',
  PrivacyNotice: 'dpv:PrivacyNotice',
  Collect: 'dpv:Collect',
  Store: 'dpv:Store',
  Transfer: 'dpv:Transfer',
  CrossBorderTransfer: 'dpv:CrossBorderTransfer',
  hasDataController: 'dpv:hasDataController',
  hasPurpose: 'dpv:hasPurpose',
  hasLegalBasis: 'dpv:hasLegalBasis',
  hasPersonalData: 'dpv:hasPersonalData',
  hasData: 'dpv:hasData',
  hasDataSubject: 'dpv:hasDataSubject',
  hasDataSource: 'dpv:hasDataSource',
  hasProcessing: 'dpv:hasProcessing',
  hasRecipient: 'dpv:hasRecipient',
  hasStorageCondition: 'dpv:hasStorageCondition',
  hasLocation: 'dpv:hasLocation',
  hasDuration: 'dpv:hasDuration',
  hasFrequency: 'dpv:hasFrequency',
  hasTechnicalMeasure: 'dpv:hasTechnicalMeasure',
  hasNecessity: 'dpv:hasNecessity',
  hasRight: 'dpv:hasRight',
  hasNotice: 'dpv:hasNotice',
  hasName: 'dpv:hasName',
  hasAddress: 'dpv:hasAddress',
  hasContact: 'dpv:hasContact',
} as const satisfies Record<string, DpvTerm>;

/** What the export does with an enum's DPV terms. */
export type DpvRole =
  | 'type'
  | 'legal-basis'
  | 'data-subject'
  | 'data-source'
  | 'processing'
  | 'technical-measure'
  | 'necessity'
  | 'duration'
  | 'frequency'
  | 'location'
  | 'right';

/** One enum of the declaration and the DPV terms of its values. */
export interface DpvMapping<Value extends string> {
  /** Where the enum is in the declaration: schema paths, `[]` for the items of a list. */
  readonly paths: readonly string[];
  /** What the terms are in the graph. */
  readonly role: DpvRole;
  /**
   * The DPV class of the node written for a value without a term, with the value's words as its
   * `dct:description`; without one, such a value's words go on the node the enum describes.
   */
  readonly fallback?: DpvTerm;
  /** Each value's terms; `[]` for a value DPV has no term for. */
  readonly terms: { readonly [V in Value]: readonly DpvTerm[] };
}

const untilEvent = ['dpv:UntilEventDuration'] as const;
const fromTheDataSubject = ['dpv:DataSubjectDataSource'] as const;
const fromAThirdParty = ['dpv:ThirdPartyDataSource'] as const;

/** Every country the declaration can name is a country of DPV's locations extension. */
const countries = Object.fromEntries(
  COUNTRY_CODES.map((code) => [code, [`loc:${code}` as DpvTerm]]),
) as Record<string, readonly DpvTerm[]>;

const RETENTION_PATHS = [
  'dataCategories[].retention',
  'dataCategories[].platformDifferences[].retention',
  'logs[].retention',
];

/** The mapping table. */
export const DPV_MAPPINGS = {
  legalBasis: {
    paths: ['purposes[].legalBasis[]', 'dataCategories[].legalBasis[]'],
    role: 'legal-basis',
    fallback: 'dpv:LegalBasis',
    // The declaration's bases are GDPR Art. 6(1) (a) to (f), which DPV's GDPR extension names.
    terms: {
      consent: ['eu-gdpr:A6-1-a'],
      contract: ['eu-gdpr:A6-1-b'],
      'legal-obligation': ['eu-gdpr:A6-1-c'],
      'vital-interests': ['eu-gdpr:A6-1-d'],
      'public-task': ['eu-gdpr:A6-1-e'],
      'legitimate-interests': ['eu-gdpr:A6-1-f'],
      'not-stated': [],
    },
  } satisfies DpvMapping<LegalBasis>,
  dataSubject: {
    paths: ['dataCategories[].subjects[]'],
    role: 'data-subject',
    fallback: 'dpv:DataSubject',
    terms: {
      'end-users': ['dpv:User'],
      // DPV's Customer is the people of a buying organisation, as its note on B2B says.
      customers: ['dpv:Customer'],
      'website-visitors': ['dpv:Visitor'],
      // DPV has no administrators, contacts, resellers, requesters, respondents or prospects;
      // dpv:User would drop what sets them apart.
      administrators: [],
      'technical-contacts': [],
      'billing-contacts': [],
      resellers: [],
      'support-requesters': [],
      'survey-respondents': [],
      prospects: [],
      // Not about people: the export names no data subject.
      none: [],
    },
  } satisfies DpvMapping<DataSubject>,
  dataSource: {
    paths: ['dataCategories[].sources[]'],
    role: 'data-source',
    fallback: 'dpv:DataSource',
    // DPV's source is the direct point of collection: what a person gives or does is from the
    // data subject; what Atlassian passes on (orders, uninstall feedback) is from a third party.
    terms: {
      atlassian: fromAThirdParty,
      'marketplace-order': fromAThirdParty,
      'uninstall-feedback': fromAThirdParty,
      'third-party': fromAThirdParty,
      'support-request': fromTheDataSubject,
      survey: fromTheDataSubject,
      'web-form': fromTheDataSubject,
      website: fromTheDataSubject,
      email: fromTheDataSubject,
      person: fromTheDataSubject,
      // The app reads what the product holds, about anyone: neither of DPV's sources fits.
      'app-runtime': [],
    },
  } satisfies DpvMapping<DataSource>,
  collection: {
    paths: ['dataCategories[].collection'],
    role: 'necessity',
    terms: { required: ['dpv:Required'], optional: ['dpv:Optional'] },
  } satisfies DpvMapping<'required' | 'optional'>,
  personal: {
    paths: ['dataCategories[].personal'],
    role: 'type',
    fallback: 'dpv:Data',
    // DPV has no "may contain" or "not stated": such data is dpv:Data, with the words.
    terms: {
      yes: ['dpv:PersonalData'],
      no: ['dpv:NonPersonalData'],
      'may-contain': [],
      'not-stated': [],
    },
  } satisfies DpvMapping<PersonalStatus>,
  sensitive: {
    paths: ['dataCategories[].sensitive'],
    role: 'type',
    // Sensitive, not special category: DPV's special categories (GDPR Art. 9) are a subset,
    // and the declaration does not say which applies.
    terms: { yes: ['dpv:SensitivePersonalData'], no: [], 'may-contain': [], 'not-stated': [] },
  } satisfies DpvMapping<PersonalStatus>,
  dataFormType: {
    paths: ['dataCategories[].handling.forms[]'],
    role: 'type',
    terms: {
      'identifiers-only': ['pd:Identifier'],
      anonymised: [],
      pseudonymised: [],
      hashed: [],
      aggregated: [],
      'as-collected': [],
    },
  } satisfies DpvMapping<DataForm>,
  dataFormProcessing: {
    paths: ['dataCategories[].handling.forms[]'],
    role: 'processing',
    terms: {
      anonymised: ['dpv:Anonymise'],
      pseudonymised: ['dpv:Pseudonymise'],
      aggregated: ['dpv:Aggregate'],
      hashed: [],
      'identifiers-only': [],
      'as-collected': [],
    },
  } satisfies DpvMapping<DataForm>,
  dataFormMeasure: {
    paths: ['dataCategories[].handling.forms[]'],
    role: 'technical-measure',
    terms: {
      anonymised: ['dpv:Anonymisation'],
      pseudonymised: ['dpv:Pseudonymisation'],
      hashed: ['dpv:HashFunctions'],
      aggregated: [],
      'identifiers-only': [],
      'as-collected': [],
    },
  } satisfies DpvMapping<DataForm>,
  encryptionAtRest: {
    paths: ['dataCategories[].encryptionAtRest', 'locations[].backups.encrypted'],
    role: 'technical-measure',
    terms: { yes: ['dpv:EncryptionAtRest'], no: [], 'not-stated': [] },
  } satisfies DpvMapping<Tristate>,
  encryptionInTransit: {
    paths: ['dataCategories[].encryptionInTransit'],
    role: 'technical-measure',
    terms: { yes: ['dpv:EncryptionInTransfer'], no: [], 'not-stated': [] },
  } satisfies DpvMapping<Tristate>,
  retentionBasis: {
    paths: RETENTION_PATHS.map((path) => `${path}.basis`),
    role: 'duration',
    fallback: 'dpv:Duration',
    terms: {
      'fixed-period': ['dpv:TemporalDuration'],
      'until-purpose-fulfilled': untilEvent,
      'until-deletion-request': untilEvent,
      'while-account-active': untilEvent,
      'while-subscribed': untilEvent,
      'while-installed': untilEvent,
      indefinitely: ['dpv:EndlessDuration'],
      // Not kept: the export leaves out dpv:Store and any storage duration.
      'not-stored': [],
      'not-stated': [],
    },
  } satisfies DpvMapping<RetentionBasis>,
  backupFrequency: {
    paths: ['locations[].backups.frequency'],
    role: 'frequency',
    fallback: 'dpv:Frequency',
    // DPV's frequencies are continuous, often, sporadic or singular: no daily or weekly.
    terms: {
      continuous: ['dpv:ContinuousFrequency'],
      hourly: [],
      daily: [],
      weekly: [],
      monthly: [],
      'not-stated': [],
    },
  } satisfies DpvMapping<BackupFrequency>,
  recipientKind: {
    paths: ['recipients[].kind'],
    role: 'type',
    // A recipient that is not the vendor's processor (Atlassian, an authority, a buyer) is a
    // third party in GDPR Art. 4(10)'s sense.
    terms: { subprocessor: ['dpv:DataProcessor'], recipient: ['dpv:Recipient', 'dpv:ThirdParty'] },
  } satisfies DpvMapping<Recipient['kind']>,
  country: {
    paths: [
      'vendor.country',
      'locations[].country',
      'locations[].backups.country',
      'recipients[].countries[]',
      'transfers[].to[]',
    ],
    role: 'location',
    terms: countries,
  } satisfies DpvMapping<string>,
  transferMechanism: {
    paths: ['transfers[].mechanism'],
    role: 'legal-basis',
    fallback: 'dpv:DataTransferLegalBasis',
    terms: {
      'adequacy-decision': ['eu-gdpr:A45-3'],
      // The EU-US Data Privacy Framework is an adequacy decision under Art. 45(3).
      'data-privacy-framework': ['eu-gdpr:A45-3'],
      // The Commission's clauses; clauses of a supervisory authority would be A46-2-d.
      'standard-contractual-clauses': ['eu-gdpr:A46-2-c'],
      'binding-corporate-rules': ['eu-gdpr:A46-2-b'],
      consent: ['eu-gdpr:A49-1-a'],
      'contract-necessity': ['eu-gdpr:A49-1-b'],
      'not-stated': [],
      other: [],
    },
  } satisfies DpvMapping<Transfer['mechanism']>,
  gdprRight: {
    // Under the regime gdpr only; a right under another law is a dpv:DataSubjectRight in words.
    paths: ['rights.regimes[].rights[].right'],
    role: 'right',
    fallback: 'dpv:DataSubjectRight',
    terms: {
      access: ['eu-gdpr:A15'],
      rectification: ['eu-gdpr:A16'],
      erasure: ['eu-gdpr:A17'],
      restriction: ['eu-gdpr:A18'],
      portability: ['eu-gdpr:A20'],
      objection: ['eu-gdpr:A21'],
      'withdraw-consent': ['eu-gdpr:A7-3'],
      complaint: ['eu-gdpr:A77'],
      // The CCPA's rights; GDPR Art. 13 and 14 are the controller's duty to inform, not a right
      // to ask.
      know: [],
      'opt-out-of-sale': [],
      'non-discrimination': [],
      // Art. 21(2) is objecting to direct marketing, which is more than unsubscribing.
      unsubscribe: [],
      other: [],
    },
  } satisfies DpvMapping<RightKind>,
  regime: {
    paths: ['rights.regimes[].regime'],
    role: 'right',
    fallback: 'dpv:DataSubjectRight',
    // Which law a right is under picks the table above (gdpr) or is said in words.
    terms: {
      gdpr: [],
      'uk-gdpr': [],
      ccpa: [],
      lgpd: [],
      pipeda: [],
      'australian-privacy-act': [],
      pipa: [],
      general: [],
      other: [],
    },
  } satisfies DpvMapping<RightsRegime['regime']>,
} as const;

/** The name of one mapping of the table. */
export type DpvMappingName = keyof typeof DPV_MAPPINGS;

/**
 * Enums the DPV export leaves to the declaration's own words (periods' bounds and triggers are in
 * the storage duration's description) or does not export (the app, cookies, logs, security,
 * vendor access, residency and placement, which DPV has no structure for), by schema path.
 */
export const DPV_UNMAPPED_PATHS: readonly string[] = [
  ...RETENTION_PATHS.flatMap((path) => [
    `${path}.bound`,
    `${path}.after`,
    `${path}.backups.bound`,
    `${path}.backups.afterDeletion.bound`,
  ]),
  'app.framework',
  'app.products[]',
  'app.platforms[].platform',
  'app.platforms[].framework',
  'app.notCovered[].platform',
  'vendor.supportChannels[].kind',
  'policy.lastUpdatedSource',
  'dataCategories[].collectedBy',
  'dataCategories[].marketplaceClass',
  'dataCategories[].platforms[]',
  'dataCategories[].residency',
  'dataCategories[].platformDifferences[].platform',
  'locations[].hostedBy',
  'locations[].followsDataResidency',
  'locations[].database.kind',
  'locations[].backups.bound',
  'locations[].platforms[]',
  'placement[].rule',
  'placement[].realms[].realm',
  'placement[].appliesTo',
  'placement[].platforms[]',
  'recipients[].category',
  'logs[].endUserData',
  'logs[].platforms[]',
  'cookies[].category',
  'cookies[].party',
  'cookies[].where[]',
  'notCollected[].platforms[]',
  'security.cloudFortified.status',
  'security.programmes[].kind',
  'security.penetrationTests.frequency',
  'security.penetrationTests.by',
  'vendorAccess.grants[].access',
  'vendorAccess.grants[].circumstances[]',
  'vendorAccess.grants[].platforms[]',
];

/** The DPV terms of one value of an enum: `[]` when DPV has none. */
export function dpvTerms<Name extends DpvMappingName>(
  name: Name,
  value: keyof (typeof DPV_MAPPINGS)[Name]['terms'] & string,
): readonly DpvTerm[] {
  const terms = DPV_MAPPINGS[name].terms as Record<string, readonly DpvTerm[]>;
  return Object.hasOwn(terms, value) ? (terms[value] ?? []) : [];
}

/** Every DPV term the export can write: the graph's own and every mapped value's. */
export function allDpvTerms(): Set<DpvTerm> {
  const terms = new Set<DpvTerm>(Object.values(DPV));
  for (const mapping of Object.values(DPV_MAPPINGS)) {
    if ('fallback' in mapping) terms.add(mapping.fallback);
    for (const list of Object.values(mapping.terms) as (readonly DpvTerm[])[]) {
      for (const term of list) terms.add(term);
    }
  }
  return terms;
}
