import type { Declaration } from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { csvField } from './escape.ts';
import {
  encryptionText,
  legalBasesOf,
  purposesOf,
  recipientText,
  recipientsOf,
  storedInText,
  transferText,
  transfersOf,
} from './facts.ts';
import { retentionWords, vendorText } from './vendor-text.ts';

/** Options for the CSV export. */
export interface CsvOptions {
  /** The reader's locale; picks translations and country names. Default en. */
  locale?: string;
}

/** The columns of the record-of-processing CSV, in order. */
export const CSV_COLUMNS = [
  'Category',
  'Description',
  'Examples',
  'Data subjects',
  'Personal',
  'Sensitive',
  'Purposes',
  'Legal basis',
  'Sources',
  'Platforms',
  'Storage locations',
  'Retention',
  'Retention period',
  'Recipients',
  'Transfers',
  'Encryption',
] as const;

/**
 * One row per data category, usable as a record-of-processing entry (GDPR Art. 30). RFC 4180:
 * CRLF line ends, every field quoted, and nothing in a field that a spreadsheet could run as a
 * formula, whichever separator it reads with (see `csvField`). Lists are joined with "; " so
 * that each cell stays one value a spreadsheet can filter on.
 */
export function toCsv(declaration: Declaration, options: CsvOptions = {}): string {
  const locale = options.locale ?? 'en';
  const list = (values: string[]) => values.filter(Boolean).join('; ');
  const rows = declaration.dataCategories.map((category) => [
    vendorText(category.name, locale),
    vendorText(category.description, locale),
    list((category.examples ?? []).map((example) => vendorText(example, locale))),
    list(category.subjects.map((subject) => LABELS.dataSubject[subject])),
    category.personal ? 'Yes' : 'No',
    category.sensitive ? 'Yes' : 'No',
    list(purposesOf(declaration, category).map((purpose) => vendorText(purpose.name, locale))),
    list(legalBasesOf(declaration, category).map((basis) => LABELS.legalBasis[basis])),
    list(category.sources.map((source) => LABELS.dataSource[source])),
    list(category.platforms.map((platform) => LABELS.platform[platform])),
    storedInText(declaration, category, locale, '; '),
    retentionWords(category.retention, locale),
    category.retention.period ?? '',
    list(recipientsOf(declaration, category).map((recipient) => recipientText(recipient, locale))),
    list(transfersOf(declaration, category).map((transfer) => transferText(transfer, locale))),
    encryptionText(category),
  ]);
  return [[...CSV_COLUMNS], ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}
