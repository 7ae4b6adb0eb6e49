import { describe, expect, it } from 'vitest';
import {
  App,
  BackupFrequency,
  Cookie,
  DataCategory,
  DataForm,
  DataSource,
  DataSubject,
  ENGLISH,
  label,
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
  type LabelKind,
} from '@declaration';

/** The values of a zod enum, optional or not, or of an array of one. */
function values(schema: unknown): string[] {
  let def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  while (def.innerType || def.element) {
    def = ((def.innerType ?? def.element) as { _zod: { def: Record<string, unknown> } })._zod.def;
  }
  return Object.keys(def.entries as Record<string, string>);
}

/** Every enum people read a label for, with the schema that lists its values. */
const ENUMS: Record<LabelKind, unknown> = {
  legalBasis: LegalBasis,
  dataSubject: DataSubject,
  dataSource: DataSource,
  platform: Platform,
  marketplaceClass: MarketplaceDataClass,
  collectedBy: DataCategory.shape.collectedBy,
  collection: DataCategory.shape.collection,
  recipientKind: Recipient.shape.kind,
  recipientCategory: RecipientCategory,
  retentionBasis: RetentionBasis,
  retentionTrigger: RetentionTrigger,
  right: RightKind,
  regime: RightsRegime.shape.regime,
  cookieCategory: Cookie.shape.category,
  cookieParty: Cookie.shape.party,
  cookieWhere: Cookie.shape.where,
  transferMechanism: Transfer.shape.mechanism,
  hostedBy: StorageLocation.shape.hostedBy,
  tristate: StorageLocation.shape.followsDataResidency,
  framework: App.shape.framework,
  product: App.shape.products,
  supportChannel: SupportChannel.shape.kind,
  lastUpdatedSource: Policy.shape.lastUpdatedSource,
  personalStatus: PersonalStatus,
  categoryResidency: DataCategory.shape.residency,
  dataForm: DataForm,
  periodBound: PeriodBound,
  backupFrequency: BackupFrequency,
  databaseKind: StorageLocation.shape.database.unwrap().shape.kind,
  placementRule: PlacementRule.shape.rule,
  placementAppliesTo: PlacementRule.shape.appliesTo,
  realm: ResidencyRealm,
};

describe('labels of the format’s enums, from the catalogue', () => {
  it.each(Object.entries(ENUMS))(
    'has a distinct English label for every %s value',
    (kind, schema) => {
      const all = values(schema);
      expect(all.length).toBeGreaterThan(1);
      const shown = all.map((value) => label(ENGLISH, kind as LabelKind, value as never));
      // A missing key reads as the key itself: a label must be words, not `value.kind.x`.
      for (const text of shown) expect(text).toMatch(/^[A-Z]/);
      expect(new Set(shown).size).toBe(all.length);
    },
  );

  it('uses the words privacy people use', () => {
    expect(label(ENGLISH, 'legalBasis', 'legitimate-interests')).toBe('Legitimate interests');
    expect(label(ENGLISH, 'platform', 'data-center')).toBe('Data Center');
  });
});
