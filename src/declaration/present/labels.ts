import type { MessageKey, Translator } from '../i18n/index.ts';
import type {
  App,
  BackupFrequency,
  Cookie,
  DataCategory,
  DataForm,
  DataSource,
  DataSubject,
  LegalBasis,
  MarketplaceDataClass,
  PeriodBound,
  PersonalStatus,
  PlacementRule,
  Platform,
  Policy,
  Recipient,
  RecipientCategory,
  ResidencyRealm,
  RetentionBasis,
  RetentionTrigger,
  RightKind,
  RightsRegime,
  StorageLocation,
  SupportChannel,
  Transfer,
} from '../schema/index.ts';

type Tristate = NonNullable<StorageLocation['followsDataResidency']>;

/**
 * Every enum of the declaration format that people read a label for, by the name of its labels
 * in the catalogue (`value.legalBasis.consent`).
 */
export interface Labels {
  legalBasis: LegalBasis;
  dataSubject: DataSubject;
  dataSource: DataSource;
  platform: Platform;
  marketplaceClass: MarketplaceDataClass;
  collectedBy: NonNullable<DataCategory['collectedBy']>;
  collection: DataCategory['collection'];
  recipientKind: Recipient['kind'];
  recipientCategory: RecipientCategory;
  retentionBasis: RetentionBasis;
  retentionTrigger: RetentionTrigger;
  right: RightKind;
  regime: RightsRegime['regime'];
  cookieCategory: Cookie['category'];
  cookieParty: Cookie['party'];
  cookieWhere: Cookie['where'][number];
  transferMechanism: Transfer['mechanism'];
  hostedBy: StorageLocation['hostedBy'];
  tristate: Tristate;
  framework: NonNullable<App['framework']>;
  product: NonNullable<App['products']>[number];
  supportChannel: SupportChannel['kind'];
  lastUpdatedSource: NonNullable<Policy['lastUpdatedSource']>;
  personalStatus: PersonalStatus;
  categoryResidency: NonNullable<DataCategory['residency']>;
  dataForm: DataForm;
  periodBound: PeriodBound;
  backupFrequency: BackupFrequency;
  databaseKind: NonNullable<StorageLocation['database']>['kind'];
  placementRule: PlacementRule['rule'];
  placementAppliesTo: NonNullable<PlacementRule['appliesTo']>;
  realm: ResidencyRealm;
}

/** The name of one enum's labels, e.g. `legalBasis`. */
export type LabelKind = keyof Labels;

/** The catalogue key of every label, `value.<kind>.<value>`. */
type LabelKey = { [K in LabelKind]: `value.${K}.${Labels[K]}` }[LabelKind];

/** Compiles only while the English catalogue has a label for every value of every enum. */
const _everyValueLabelled: LabelKey extends MessageKey ? true : never = true;

/**
 * The label of an enum value for people who do not read YAML, in the translator's language:
 * `label(t, 'legalBasis', 'contract')` is "Performance of a contract". The key is checked against
 * the English catalogue, so a value without a label does not compile.
 */
export function label<K extends LabelKind>(
  translator: Translator,
  kind: K,
  value: Labels[K],
): string {
  return translator.t(`value.${kind}.${value}` as LabelKey & MessageKey);
}

/** Labels of several values of one enum, in their order. */
export function labels<K extends LabelKind>(
  translator: Translator,
  kind: K,
  values: readonly Labels[K][],
): string[] {
  return values.map((value) => label(translator, kind, value));
}
