import {
  legalBasesOf,
  locationText,
  purposesOf,
  recipientText,
  recipientsOf,
  storedIn,
  encryptionText,
  transferText,
  transfersOf,
} from '../document/references.ts';
import { retentionWords } from '../document/retention.ts';
import { run } from '../document/blocks.ts';
import { ENGLISH, type Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import type { Declaration } from '../schema/index.ts';
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
  'storage',
  'retention',
  'retentionPeriod',
  'recipients',
  'transfers',
  'encryption',
] as const;

/** The column names of the CSV in the translator's language, in order. */
export function csvHeaders(translator: Translator = ENGLISH): string[] {
  return CSV_COLUMNS.map((column) => translator.t(`label.csv.${column}`));
}

/**
 * One row per data category, usable as a record-of-processing entry (GDPR Art. 30). RFC 4180:
 * CRLF line ends, every field quoted, and nothing in a field that a spreadsheet could run as a
 * formula, whichever separator it reads with (see `csvField`). Lists are joined with "; " so
 * that each cell stays one value a spreadsheet can filter on.
 */
export function toCsv(declaration: Declaration, options: CsvOptions = {}): string {
  const translator = options.translator ?? ENGLISH;
  const locale = translator.locale;
  const list = (values: string[]) => values.filter(Boolean).join('; ');
  const text = (value: Parameters<typeof run>[0]) => plainText(run(value, locale));
  const yesNo = (value: boolean) => translator.t(value ? 'value.yes' : 'value.no');
  const rows = declaration.dataCategories.map((category) => [
    text(category.name),
    text(category.description),
    list((category.examples ?? []).map(text)),
    list(labels(translator, 'dataSubject', category.subjects)),
    yesNo(category.personal),
    yesNo(category.sensitive),
    list(purposesOf(declaration, category).map((purpose) => text(purpose.name))),
    list(labels(translator, 'legalBasis', legalBasesOf(declaration, category))),
    list(labels(translator, 'dataSource', category.sources)),
    list(labels(translator, 'platform', category.platforms)),
    list(storedIn(declaration, category, translator, locationText).map(plainText)),
    plainText(retentionWords(category.retention, translator)),
    category.retention.period ?? '',
    list(recipientsOf(declaration, category).map((r) => plainText(recipientText(r, translator)))),
    list(transfersOf(declaration, category).map((t) => plainText(transferText(t, translator)))),
    plainText(encryptionText(category, translator)),
  ]);
  return [csvHeaders(translator), ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}
