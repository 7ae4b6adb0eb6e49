import type { DataCategory, Declaration } from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { describeDuration } from '../present/retention.ts';
import { NOT_STATED, statedLegalBases } from '../present/stated.ts';
import { summarize, type AtAGlance } from '../present/summary.ts';
import {
  encryptionText,
  legalBasesOf,
  purposesOf,
  recipientText,
  recipientsOf,
  storedInText,
} from './references.ts';
import { isolate } from '../export/bidi.ts';
import { retentionWords, vendorText } from '../export/vendor-text.ts';
import { facts, joined, notesBlock, yesNo, type Block, type Section } from './model.ts';

/** Storage places, countries first, then geographies that add something. */
function placesText(countries: string[], geographies: string[], locale: string): string {
  return joined([
    ...countries.map((code) => countryName(code, locale)),
    ...geographies.map(isolate),
  ]);
}

/** "Kept while the subscription lasts", with how many kinds of data do not say. */
function retentionText(retention: AtAGlance['retention'], longest: boolean): string {
  const words = longest ? retention.longest : retention.typical;
  const unstated =
    retention.notStated > 0
      ? `not stated for ${retention.notStated} kind${retention.notStated === 1 ? '' : 's'} of data`
      : '';
  if (!words) return unstated ? `${NOT_STATED} for any kind of data` : '';
  return longest && unstated ? `${words} (${unstated})` : words;
}

/** The nutrition-label facts first, so a reader can decide at a glance. */
export function glanceSection(declaration: Declaration, locale: string): Section {
  const glance = summarize(declaration, locale);
  const { hosting } = glance;
  const storedIn = placesText(hosting.countries, hosting.geographies, locale);
  const residency = {
    all: 'Follows your data residency',
    some: 'Some data follows your data residency',
    none: 'Does not follow data residency',
    'not-stated': NOT_STATED,
  }[hosting.dataResidency];
  const stored = declaration.locations.length > 0;
  return {
    id: 'at-a-glance',
    title: 'At a glance',
    blocks: [
      facts([
        ['Personal data', glance.collectsPersonalData ? 'Collected' : 'Not collected'],
        [
          'Kinds of data',
          `${glance.categories} (${glance.personalCategories} personal, ${glance.sensitiveCategories} sensitive)`,
        ],
        [
          'Stored in',
          stored ? storedIn || (hosting.onAtlassianOnly ? 'Atlassian' : NOT_STATED) : 'Not stored',
        ],
        ['Backups in', placesText(hosting.backupCountries, hosting.backupGeographies, locale)],
        ['Stored only on Atlassian', yesNo(hosting.onAtlassianOnly)],
        ['Data residency', residency],
        [
          glance.retention.notStated > 0 ? 'Longest stated retention' : 'Longest retention',
          retentionText(glance.retention, true),
        ],
        ['Typical retention', retentionText(glance.retention, false)],
        [
          'Subprocessors',
          `${glance.subprocessors.count}${glance.subprocessors.countries.length ? ` (${joined(glance.subprocessors.countries.map((c) => countryName(c, locale)))})` : ''}`,
        ],
        ['Recipients in all', String(glance.recipients)],
        ['Platforms', joined(glance.platforms.map((p) => LABELS.platform[p]))],
      ]),
    ],
  };
}

/** Why data is processed, with the lawful bases. */
export function purposesSection(declaration: Declaration, locale: string): Section {
  return {
    id: 'purposes',
    title: 'Why data is used',
    blocks: declaration.purposes.map((purpose) => ({
      kind: 'subsection',
      title: vendorText(purpose.name, locale),
      blocks: [
        facts([
          ['What for', vendorText(purpose.description, locale)],
          [
            'Legal basis',
            joined(statedLegalBases(purpose.legalBasis ?? []).map((b) => LABELS.legalBasis[b])),
          ],
          ['In the policy’s words', vendorText(purpose.legalBasisNote, locale)],
        ]),
        ...notesBlock(purpose.notes, locale),
      ],
    })),
  };
}

function whyText(declaration: Declaration, category: DataCategory, locale: string): string {
  const purposes = joined(purposesOf(declaration, category).map((p) => vendorText(p.name, locale)));
  const bases = joined(legalBasesOf(declaration, category).map((b) => LABELS.legalBasis[b]));
  return bases ? `${purposes} (${bases})` : purposes;
}

function categoryDetails(declaration: Declaration, category: DataCategory, locale: string): Block {
  const retention = category.retention;
  return {
    kind: 'subsection',
    title: vendorText(category.name, locale),
    blocks: [
      facts([
        ['What it is', vendorText(category.description, locale)],
        ['Examples', joined((category.examples ?? []).map((e) => vendorText(e, locale)))],
        ['Whose data', joined(category.subjects.map((s) => LABELS.dataSubject[s]))],
        ['Personal data', yesNo(category.personal)],
        ['Sensitive data', yesNo(category.sensitive)],
        ['Comes from', joined(category.sources.map((s) => LABELS.dataSource[s]))],
        ['Collected by', category.collectedBy && LABELS.collectedBy[category.collectedBy]],
        [
          'Marketplace class',
          category.marketplaceClass && LABELS.marketplaceClass[category.marketplaceClass],
        ],
        ['Platforms', joined(category.platforms.map((p) => LABELS.platform[p]))],
        ['Collection', LABELS.collection[category.collection]],
        ['Customer can turn it off', yesNo(category.customerCanDisable)],
        ['How to turn it off', vendorText(category.howToDisable, locale)],
        ['Why', whyText(declaration, category, locale)],
        ['Stored in', storedInText(declaration, category, locale)],
        ['How long', retentionWords(retention, locale)],
        ['Retention basis', LABELS.retentionBasis[retention.basis]],
        ['Retention period', retention.period && describeDuration(retention.period)],
        ['Period starts at', retention.after && LABELS.retentionTrigger[retention.after]],
        ['Deletion on request', yesNo(retention.deletableOnRequest)],
        [
          'Backups kept for',
          retention.backups?.period && describeDuration(retention.backups.period),
        ],
        ['Backups', vendorText(retention.backups?.description, locale)],
        ['Retention in the policy’s words', vendorText(retention.description, locale)],
        [
          'Retention notes',
          joined(
            (retention.notes ?? []).map((n) => vendorText(n, locale)),
            ' ',
          ),
        ],
        [
          'Shared with',
          joined(recipientsOf(declaration, category).map((r) => recipientText(r, locale))),
        ],
        ['Encryption', encryptionText(category)],
      ]),
      ...notesBlock(category.notes, locale),
    ],
  };
}

/** What is collected: an overview table, then every fact of each category. */
export function dataSection(declaration: Declaration, locale: string): Section {
  const categories = declaration.dataCategories;
  if (categories.length === 0) {
    return {
      id: 'data-collected',
      title: 'Data collected',
      blocks: [{ kind: 'paragraph', content: ['This app collects no data.'] }],
    };
  }
  const rows = categories.map((category) => [
    [
      joined(
        [
          vendorText(category.name, locale),
          joined((category.examples ?? []).map((e) => vendorText(e, locale))),
        ],
        ': ',
      ),
    ],
    [joined(category.subjects.map((s) => LABELS.dataSubject[s]))],
    [whyText(declaration, category, locale)],
    [storedInText(declaration, category, locale)],
    [retentionWords(category.retention, locale)],
    [joined(recipientsOf(declaration, category).map((r) => recipientText(r, locale))) || '—'],
  ]);
  return {
    id: 'data-collected',
    title: 'Data collected',
    blocks: [
      {
        kind: 'table',
        headers: ['What', 'Whose', 'Why (legal basis)', 'Where', 'How long', 'Shared with'],
        rows,
      },
      ...categories.map((category) => categoryDetails(declaration, category, locale)),
    ],
  };
}
