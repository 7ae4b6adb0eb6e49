import { ENGLISH, type Translator } from '../i18n/index.ts';
import { label } from '../present/labels.ts';
import { describeBoundedDuration, describeRetentionBriefly } from '../present/retention.ts';
import { parseDuration } from '../duration.ts';
import type {
  DataCategory,
  Declaration,
  PeriodBound,
  Retention,
  StorageLocation,
  Text,
} from '../schema/index.ts';
import { DPV, DPV_CONTEXT, DPV_MAPPINGS, dpvTerms, type DpvTerm } from './dpv-terms.ts';

/** A JSON-LD node or value object. */
type Node = { [key: string]: unknown };

/** The words of the export: a literal in the translator's language. */
interface Words {
  '@value': string;
  '@language': string;
}

const ref = (iri: string): Node => ({ '@id': iri });

/** `undefined` for none, the value for one, the list for several, so the JSON stays small. */
function one<T>(list: readonly T[]): T | T[] | undefined {
  const seen = new Set<string>();
  const unique = list.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length === 0 ? undefined : unique.length === 1 ? unique[0] : unique;
}

/** The node without its empty fields. */
function node(fields: Node): Node {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/**
 * A vendor text as JSON-LD: a plain string stays a plain literal (its language is not stated);
 * translations become one literal per language, tagged with it.
 */
function text(value: Text | undefined): unknown[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return Object.entries(value).map(([language, words]) => ({
    '@value': words,
    '@language': language,
  }));
}

/**
 * An ISO 8601 period as `xsd:duration`, which has no weeks: P2W is written P14D.
 */
export function xsdDuration(period: string): string {
  const parts = parseDuration(period);
  if (!parts || parts.weeks === 0) return period;
  const date = [
    parts.years ? `${parts.years}Y` : '',
    parts.months ? `${parts.months}M` : '',
    `${parts.weeks * 7 + parts.days}D`,
  ].join('');
  const time = [
    parts.hours ? `${parts.hours}H` : '',
    parts.minutes ? `${parts.minutes}M` : '',
    parts.seconds ? `${parts.seconds}S` : '',
  ].join('');
  return `P${date}${time ? `T${time}` : ''}`;
}

/** Builds the graph of one declaration in one language. */
class DpvGraph {
  readonly nodes: Node[] = [];

  constructor(
    readonly declaration: Declaration,
    readonly translator: Translator,
  ) {}

  words(value: string): Words {
    return { '@value': value, '@language': this.translator.locale };
  }

  /** "label: value" in the translator's words. */
  labelled(labelText: string, value: string): Words {
    return this.words(this.translator.t('value.labelled', { label: labelText, value }));
  }

  /** The DPV terms of a value as references, or a node of the fallback class in words. */
  termsOr(terms: readonly DpvTerm[], fallback: DpvTerm, words: Words, extra: unknown[] = []) {
    if (terms.length === 0) {
      return [node({ '@type': fallback, 'dct:description': one([words, ...extra]) })];
    }
    if (extra.length === 0) return terms.map(ref);
    return [node({ '@type': one(terms), 'dct:description': one(extra) })];
  }

  /** A fixed period, with its bound in words. */
  period(period: string, bound: PeriodBound | undefined): Node {
    return node({
      '@type': DPV.TemporalDuration,
      'rdf:value': { '@value': xsdDuration(period), '@type': 'xsd:duration' },
      'dct:description': this.words(describeBoundedDuration(period, bound, this.translator)),
    });
  }

  /** Where a location is: its country in DPV's locations extension, or its geography in words. */
  places(location: { country?: string | undefined; geography?: Text | undefined }): Node[] {
    const places: Node[] = [];
    if (location.country) {
      places.push(...dpvTerms('country', location.country).map(ref));
    }
    if (location.geography) {
      places.push(
        node({ '@type': DPV.Location, 'dct:description': one(text(location.geography)) }),
      );
    }
    return places;
  }

  locationById(id: string): StorageLocation | undefined {
    return this.declaration.locations.find((location) => location.id === id);
  }

  controller(): void {
    const vendor = this.declaration.vendor;
    this.nodes.push(
      node({
        '@id': '_:controller',
        '@type': DPV.DataController,
        [DPV.hasName]: one(text(vendor.legalName ?? vendor.tradingName)),
        [DPV.hasLocation]: one(this.places({ country: vendor.country })),
        [DPV.hasAddress]: one(text(vendor.registeredAddress)),
        [DPV.hasContact]: vendor.privacyContact,
        'rdfs:seeAlso': vendor.website ? ref(vendor.website) : undefined,
      }),
    );
    const policy = this.declaration.policy;
    this.nodes.push(
      node({
        '@id': '_:notice',
        '@type': DPV.PrivacyNotice,
        'dct:title': one(text(this.declaration.app.name)),
        'dct:modified': { '@value': policy.lastUpdated, '@type': 'xsd:date' },
        'rdfs:seeAlso': policy.fullPolicyUrl ? ref(policy.fullPolicyUrl) : undefined,
      }),
    );
  }

  purposes(): void {
    for (const purpose of this.declaration.purposes) {
      this.nodes.push(
        node({
          '@id': `_:purpose-${purpose.id}`,
          '@type': DPV.Purpose,
          'dct:title': one(text(purpose.name)),
          'dct:description': one(text(purpose.description)),
        }),
      );
    }
  }

  recipients(): void {
    for (const recipient of this.declaration.recipients) {
      this.nodes.push(
        node({
          '@id': `_:recipient-${recipient.id}`,
          '@type': one(dpvTerms('recipientKind', recipient.kind)),
          [DPV.hasName]: one(text(recipient.name)),
          'dct:description': one(text(recipient.purpose)),
          [DPV.hasLocation]: one([
            ...(recipient.countries ?? []).flatMap((code) => dpvTerms('country', code).map(ref)),
            ...this.places({ geography: recipient.geography }),
          ]),
          'rdfs:seeAlso': recipient.privacyPolicyUrl ? ref(recipient.privacyPolicyUrl) : undefined,
        }),
      );
    }
  }

  locations(): void {
    for (const location of this.declaration.locations) {
      this.nodes.push(
        node({
          '@id': `_:location-${location.id}`,
          '@type': DPV.StorageLocation,
          'dct:title': one(text(location.name)),
          'dct:description': one(text(location.holds)),
          [DPV.hasLocation]: one(this.places(location)),
        }),
      );
      const backups = location.backups;
      if (!backups) continue;
      const frequency = backups.frequency;
      const elsewhere = backups.location ? this.locationById(backups.location) : undefined;
      this.nodes.push(
        node({
          '@id': `_:backups-${location.id}`,
          '@type': DPV.StorageRestoration,
          'dct:description': one(text(backups.description)),
          [DPV.hasFrequency]: frequency
            ? one(
                this.termsOr(
                  dpvTerms('backupFrequency', frequency),
                  DPV_MAPPINGS.backupFrequency.fallback,
                  this.words(label(this.translator, 'backupFrequency', frequency)),
                ),
              )
            : undefined,
          [DPV.hasDuration]: backups.period
            ? this.period(backups.period, backups.bound)
            : undefined,
          [DPV.hasLocation]: one([
            ...this.places(backups),
            ...(elsewhere ? this.places(elsewhere) : []),
          ]),
          [DPV.hasTechnicalMeasure]: one(
            backups.encrypted ? dpvTerms('encryptionAtRest', backups.encrypted).map(ref) : [],
          ),
        }),
      );
    }
  }

  /** The rights of people, by node or by DPV's term, for processes of personal data. */
  rights(): unknown[] {
    const regimes = this.declaration.rights.regimes;
    if (regimes === 'not-stated') return [];
    return regimes.flatMap((regime) =>
      regime.rights.map((granted) => {
        const terms = regime.regime === 'gdpr' ? dpvTerms('gdprRight', granted.right) : [];
        const extra = text(granted.description);
        if (terms.length > 0 && extra.length === 0) return ref(terms[0]!);
        const id = `_:right-${regime.regime}-${granted.right}`;
        const words = this.labelled(
          label(this.translator, 'regime', regime.regime),
          label(this.translator, 'right', granted.right),
        );
        const [described] = this.termsOr(terms, DPV_MAPPINGS.gdprRight.fallback, words, extra);
        if (!this.nodes.some((existing) => existing['@id'] === id)) {
          this.nodes.push({ '@id': id, ...(described as Node) });
        }
        return ref(id);
      }),
    );
  }

  /** The storage duration of a retention, with what ends it and its period. */
  storageDuration(retention: Retention, platformWords?: string): Node {
    const basis = retention.basis;
    const basisWords = this.words(label(this.translator, 'retentionBasis', basis));
    const terms = dpvTerms('retentionBasis', basis);
    const durations: Node[] = [];
    if (basis === 'fixed-period' && retention.period) {
      durations.push(this.period(retention.period, retention.bound));
    } else {
      durations.push(
        node({
          '@type': one(terms.length > 0 ? terms : [DPV_MAPPINGS.retentionBasis.fallback]),
          'dct:description': basisWords,
        }),
      );
      if (retention.period) {
        durations.push(this.period(retention.period, retention.bound ?? 'at-most'));
      }
    }
    const brief = describeRetentionBriefly(retention, this.translator);
    return node({
      '@type': DPV.StorageDuration,
      'dct:description': one([
        platformWords ? this.labelled(platformWords, brief) : this.words(brief),
        ...text(retention.description),
      ]),
      [DPV.hasDuration]: one(durations),
    });
  }

  /** How long backups keep the data, and how long after deletion. */
  backupConditions(retention: Retention): Node[] {
    const backups = retention.backups;
    if (!backups) return [];
    const conditions: Node[] = [];
    if (backups.period || backups.description || backups.storedIn?.length) {
      conditions.push(
        node({
          '@type': DPV.StorageRestoration,
          'dct:description': one(text(backups.description)),
          [DPV.hasDuration]: backups.period
            ? this.period(backups.period, backups.bound)
            : undefined,
          [DPV.hasLocation]: one(
            (backups.storedIn ?? []).flatMap((id) => {
              const location = this.locationById(id);
              return location ? this.places(location) : [];
            }),
          ),
        }),
      );
    }
    const afterDeletion = backups.afterDeletion;
    if (afterDeletion) {
      conditions.push(
        node({
          '@type': DPV.StorageDeletion,
          'dct:description': one(text(afterDeletion.description)),
          [DPV.hasDuration]: afterDeletion.period
            ? this.period(afterDeletion.period, afterDeletion.bound ?? 'at-most')
            : undefined,
        }),
      );
    }
    return conditions;
  }

  /** Whether the category is kept at all: not when it is not stored, or stored nowhere. */
  stored(category: DataCategory): boolean {
    return category.retention.basis !== 'not-stored' && category.storedIn?.length !== 0;
  }

  storageConditions(category: DataCategory): unknown[] {
    if (!this.stored(category)) return [];
    const ids = [
      ...(category.storedIn ?? []),
      ...(category.platformDifferences ?? []).flatMap((difference) => difference.storedIn ?? []),
    ].filter((id) => this.locationById(id));
    return [
      ...ids.map((id) => ref(`_:location-${id}`)),
      ...ids.filter((id) => this.locationById(id)?.backups).map((id) => ref(`_:backups-${id}`)),
      this.storageDuration(category.retention),
      ...(category.platformDifferences ?? []).flatMap((difference) =>
        difference.retention
          ? [
              this.storageDuration(
                difference.retention,
                this.translator.t('value.onPlatform', {
                  platform: label(this.translator, 'platform', difference.platform),
                }),
              ),
            ]
          : [],
      ),
      ...this.backupConditions(category.retention),
    ];
  }

  technicalMeasures(category: DataCategory): unknown[] {
    const encryption = category.encryption;
    const measures: unknown[] = [];
    if (category.encryptionAtRest) {
      measures.push(
        ...this.detailed(
          dpvTerms('encryptionAtRest', category.encryptionAtRest),
          text(encryption?.atRestMethod),
        ),
      );
    }
    if (category.encryptionInTransit) {
      measures.push(
        ...this.detailed(
          dpvTerms('encryptionInTransit', category.encryptionInTransit),
          text(encryption?.inTransitProtocol),
        ),
      );
    }
    if (encryption?.fieldLevel?.length) {
      measures.push(
        node({
          '@type': DPV.Encryption,
          'dct:description': one(encryption.fieldLevel.flatMap(text)),
        }),
      );
    }
    if (encryption?.keyManagement) {
      measures.push(
        node({
          '@type': DPV.CryptographicKeyManagement,
          'dct:description': one(text(encryption.keyManagement)),
        }),
      );
    }
    for (const form of category.handling?.forms ?? []) {
      measures.push(...dpvTerms('dataFormMeasure', form).map(ref));
    }
    return measures;
  }

  /** Mapped terms as references; with the vendor's words, one node of those types. */
  detailed(terms: readonly DpvTerm[], words: unknown[]): unknown[] {
    if (terms.length === 0) return [];
    if (words.length === 0) return terms.map(ref);
    return [node({ '@type': one(terms), 'dct:description': one(words) })];
  }

  data(category: DataCategory): Node {
    const personalTerms = dpvTerms('personal', category.personal);
    const descriptions: unknown[] = [...text(category.description)];
    if (personalTerms.length === 0) {
      descriptions.push(
        this.labelled(
          this.translator.t('label.personal'),
          label(this.translator, 'personalStatus', category.personal),
        ),
      );
    }
    const sensitiveTerms = dpvTerms('sensitive', category.sensitive);
    if (sensitiveTerms.length === 0 && category.sensitive !== 'no') {
      descriptions.push(
        this.labelled(
          this.translator.t('label.sensitive'),
          label(this.translator, 'personalStatus', category.sensitive),
        ),
      );
    }
    const types = [
      ...(personalTerms.length > 0 ? personalTerms : [DPV_MAPPINGS.personal.fallback]),
      ...sensitiveTerms,
      ...(category.handling?.forms ?? []).flatMap((form) => dpvTerms('dataFormType', form)),
    ];
    return node({
      '@id': `_:data-${category.id}`,
      '@type': one(types),
      'dct:title': one(text(category.name)),
      'dct:description': one(descriptions),
      'skos:example': one((category.examples ?? []).flatMap(text)),
    });
  }

  process(category: DataCategory, rights: unknown[]): Node {
    const declaration = this.declaration;
    const purposes = declaration.purposes.filter((purpose) =>
      category.purposes.includes(purpose.id),
    );
    const bases = category.legalBasis ?? purposes.flatMap((purpose) => purpose.legalBasis ?? []);
    const recipients = [
      ...(category.recipients ?? []),
      ...(category.handling?.storedOnlyBy ?? []),
    ].filter((id) => declaration.recipients.some((recipient) => recipient.id === id));
    const processing: DpvTerm[] = [DPV.Collect];
    if (this.stored(category)) processing.push(DPV.Store);
    if (recipients.length > 0) processing.push(DPV.Transfer);
    for (const form of category.handling?.forms ?? []) {
      processing.push(...dpvTerms('dataFormProcessing', form));
    }
    const subjects = category.subjects.filter((subject) => subject !== 'none');
    const dataProperty = category.personal === 'yes' ? DPV.hasPersonalData : DPV.hasData;
    return node({
      '@id': `_:process-${category.id}`,
      '@type': DPV.Process,
      'dct:title': one(text(category.name)),
      [DPV.hasDataController]: ref('_:controller'),
      [DPV.hasNotice]: ref('_:notice'),
      [DPV.hasPurpose]: one(purposes.map((purpose) => ref(`_:purpose-${purpose.id}`))),
      [DPV.hasLegalBasis]: one(
        bases.flatMap((basis) =>
          this.termsOr(
            dpvTerms('legalBasis', basis),
            DPV_MAPPINGS.legalBasis.fallback,
            this.words(label(this.translator, 'legalBasis', basis)),
          ),
        ),
      ),
      [dataProperty]: ref(`_:data-${category.id}`),
      [DPV.hasDataSubject]: one(
        subjects.flatMap((subject) =>
          this.termsOr(
            dpvTerms('dataSubject', subject),
            DPV_MAPPINGS.dataSubject.fallback,
            this.words(label(this.translator, 'dataSubject', subject)),
          ),
        ),
      ),
      [DPV.hasDataSource]: one(
        category.sources.flatMap((source) =>
          this.termsOr(
            dpvTerms('dataSource', source),
            DPV_MAPPINGS.dataSource.fallback,
            this.words(label(this.translator, 'dataSource', source)),
          ),
        ),
      ),
      [DPV.hasProcessing]: one(processing.map(ref)),
      [DPV.hasRecipient]: one(recipients.map((id) => ref(`_:recipient-${id}`))),
      [DPV.hasStorageCondition]: one(this.storageConditions(category)),
      [DPV.hasTechnicalMeasure]: one(this.technicalMeasures(category)),
      [DPV.hasNecessity]: one(dpvTerms('collection', category.collection).map(ref)),
      [DPV.hasRight]: category.personal === 'no' ? undefined : one(rights),
    });
  }

  transfers(): void {
    (this.declaration.transfers ?? []).forEach((transfer, index) => {
      this.nodes.push(
        node({
          '@id': `_:transfer-${index + 1}`,
          '@type': DPV.Process,
          [DPV.hasDataController]: ref('_:controller'),
          [DPV.hasProcessing]: ref(DPV.CrossBorderTransfer),
          [DPV.hasLegalBasis]: one(
            this.termsOr(
              dpvTerms('transferMechanism', transfer.mechanism),
              DPV_MAPPINGS.transferMechanism.fallback,
              this.words(label(this.translator, 'transferMechanism', transfer.mechanism)),
            ),
          ),
          [DPV.hasLocation]: one([
            ...(transfer.to ?? []).flatMap((code) => dpvTerms('country', code).map(ref)),
            ...this.places({ geography: transfer.toGeography }),
          ]),
          'dct:description': one(text(transfer.reason)),
        }),
      );
    });
  }

  build(): Node {
    this.controller();
    this.purposes();
    this.recipients();
    this.locations();
    const rights = this.rights();
    for (const category of this.declaration.dataCategories) {
      this.nodes.push(this.data(category), this.process(category, rights));
    }
    this.transfers();
    return { '@context': DPV_CONTEXT, '@graph': this.nodes };
  }
}

/**
 * The declaration as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2): the vendor as data
 * controller, one `dpv:Process` per kind of data with its purposes, legal bases, data, data
 * subjects, sources, processing, recipients, storage (locations, durations, backups), technical
 * measures and rights, and the international transfers. Values of the declaration's enums are
 * DPV's own terms (see `dpv-terms.ts`); words the export adds are in the translator's language.
 */
export function dpvDocument(declaration: Declaration, translator: Translator = ENGLISH): Node {
  return new DpvGraph(declaration, translator).build();
}

/** `dpvDocument` as JSON, 2-space indented with a trailing newline. */
export function toDpv(declaration: Declaration, translator: Translator = ENGLISH): string {
  return `${JSON.stringify(dpvDocument(declaration, translator), null, 2)}\n`;
}
