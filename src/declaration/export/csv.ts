import {
  encryptionText,
  legalBasesOf,
  locationText,
  purposesOf,
  recipientText,
  recipientsOf,
  storedIn,
  transferText,
  transfersOf,
} from '../document/references.ts';
import { retentionWords } from '../document/retention.ts';
import { ENGLISH, type Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import type { DataCategory, Declaration, Log } from '../schema/index.ts';
import {
  afterDeletionCell,
  backupsCell,
  boundCell,
  cellList,
  encryptionDetailsCell,
  formsCell,
  placesCell,
  platformDifferencesCell,
  retentionCell,
  storedOnlyByCell,
  textCell,
  yesNoCell,
} from './csv-cells.ts';
import { csvField } from './escape.ts';
import { plainText } from './plain-text.ts';

/** Options for the CSV export. */
export interface CsvOptions {
  /** The reader's language: the column names, labels, and which translations it shows. */
  translator?: Translator;
}

/** The catalogue keys of the record-of-processing columns, in order (`label.csv.<column>`). */
export const CSV_COLUMNS = [
  'category',
  'description',
  'examples',
  'subjects',
  'personal',
  'sensitive',
  'purposes',
  'legalBasis',
  'sources',
  'platforms',
  'collectedByDefault',
  'onlyWhenConfigured',
  'forms',
  'sizeLimit',
  'storage',
  'storedOnlyBy',
  'residency',
  'platformDifferences',
  'retention',
  'retentionPeriod',
  'retentionBound',
  'backups',
  'backupsAfterDeletion',
  'recipients',
  'transfers',
  'encryption',
  'encryptionDetails',
  'endUserData',
  'readableBy',
  'record',
] as const;

/** One column of the CSV. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A row by column; a column a record does not have stays empty. */
type Row = Partial<Record<CsvColumn, string>>;

/** The column names of the CSV in the translator's language, in order. */
export function csvHeaders(translator: Translator = ENGLISH): string[] {
  return CSV_COLUMNS.map((column) => translator.t(`label.csv.${column}`));
}

function categoryRow(
  declaration: Declaration,
  category: DataCategory,
  translator: Translator,
): Row {
  const text = (value: Parameters<typeof textCell>[0]) => textCell(value, translator);
  const retention = category.retention;
  return {
    category: text(category.name),
    description: text(category.description),
    examples: cellList((category.examples ?? []).map(text)),
    subjects: cellList(labels(translator, 'dataSubject', category.subjects)),
    personal: label(translator, 'personalStatus', category.personal),
    sensitive: label(translator, 'personalStatus', category.sensitive),
    purposes: cellList(purposesOf(declaration, category).map((purpose) => text(purpose.name))),
    legalBasis: cellList(labels(translator, 'legalBasis', legalBasesOf(declaration, category))),
    sources: cellList(labels(translator, 'dataSource', category.sources)),
    platforms: cellList(labels(translator, 'platform', category.platforms)),
    collectedByDefault: yesNoCell(category.handling?.collectedByDefault, translator),
    onlyWhenConfigured: text(category.handling?.onlyWhenConfigured),
    forms: formsCell(category, translator),
    sizeLimit: text(category.handling?.sizeLimit),
    storage: cellList(
      storedIn(declaration, category, translator, locationText).map((place) => plainText(place)),
    ),
    storedOnlyBy: storedOnlyByCell(declaration, category, translator),
    residency: category.residency ? label(translator, 'categoryResidency', category.residency) : '',
    platformDifferences: platformDifferencesCell(declaration, category, translator),
    retention: plainText(retentionWords(retention, translator)),
    retentionPeriod: retention.period ?? '',
    retentionBound: boundCell(retention, translator),
    backups: backupsCell(declaration, retention, translator),
    backupsAfterDeletion: afterDeletionCell(retention, translator),
    recipients: cellList(
      recipientsOf(declaration, category).map((r) => plainText(recipientText(r, translator))),
    ),
    transfers: cellList(
      transfersOf(declaration, category).map((t) => plainText(transferText(t, translator))),
    ),
    encryption: plainText(encryptionText(category, translator)),
    encryptionDetails: encryptionDetailsCell(category.encryption, translator),
    record: translator.t('label.csvRecord.data-category'),
  };
}

/**
 * A log as a record of its own kind: what it holds where a category has its description,
 * whether it holds end-user data, where it is kept, for how long, and who can read it. The
 * columns a log does not have (subjects, purposes, legal basis, ...) stay empty rather than
 * "Not stated": the format does not ask them of a log.
 */
function logRow(declaration: Declaration, log: Log, translator: Translator): Row {
  const text = (value: Parameters<typeof textCell>[0]) => textCell(value, translator);
  return {
    category: text(log.name),
    description: text(log.holds),
    examples: cellList((log.examples ?? []).map(text)),
    platforms: cellList(labels(translator, 'platform', log.platforms ?? [])),
    storage: placesCell(declaration, log.storedIn, translator),
    retention: retentionCell(log.retention, translator),
    retentionPeriod: log.retention?.period ?? '',
    retentionBound: boundCell(log.retention, translator),
    backups: backupsCell(declaration, log.retention, translator),
    backupsAfterDeletion: afterDeletionCell(log.retention, translator),
    endUserData: label(translator, 'personalStatus', log.endUserData),
    readableBy: cellList((log.readableBy ?? []).map(text)),
    record: translator.t('label.csvRecord.log'),
  };
}

/**
 * A record of processing (GDPR Art. 30): one row per data category, then one per log, since a
 * log that holds end-user data is processing of its own that admins are asked about first. The
 * last column says which kind of record a row is. RFC 4180: CRLF line ends, every field quoted,
 * and nothing in a field that a spreadsheet could run as a formula, whichever separator it
 * reads with (see `csvField`). Lists are joined with "; " so that each cell stays one value a
 * spreadsheet can filter on.
 */
export function toCsv(declaration: Declaration, options: CsvOptions = {}): string {
  const translator = options.translator ?? ENGLISH;
  const rows: Row[] = [
    ...declaration.dataCategories.map((category) => categoryRow(declaration, category, translator)),
    ...(declaration.logs ?? []).map((log) => logRow(declaration, log, translator)),
  ];
  return [csvHeaders(translator), ...rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? ''))]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}
