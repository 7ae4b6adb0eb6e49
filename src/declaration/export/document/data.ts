import type { DataCategory, Declaration } from '../../schema/index.ts';
import { LABELS } from '../../present/labels.ts';
import { localize } from '../../present/localize.ts';
import { describeRetention } from '../../present/retention.ts';
import { summarize } from '../../present/summary.ts';
import { countryName } from '../../present/localize.ts';
import { describeDuration } from '../../present/retention.ts';
import {
  encryptionText,
  legalBasesOf,
  locationText,
  locationsOf,
  purposesOf,
  recipientText,
  recipientsOf,
} from '../facts.ts';
import { facts, joined, notesBlock, yesNo, type Block, type Section } from './model.ts';

/** The nutrition-label facts first, so a reader can decide at a glance. */
export function glanceSection(declaration: Declaration, locale: string): Section {
  const glance = summarize(declaration, locale);
  const hosting = joined([
    ...glance.hosting.countries.map((code) => countryName(code, locale)),
    ...glance.hosting.geographies,
  ]);
  const residency = {
    all: 'Follows your data residency',
    some: 'Some data follows your data residency',
    none: 'Does not follow data residency',
    'not-stated': 'Not stated',
  }[glance.hosting.dataResidency];
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
        ['Stored in', hosting || (glance.hosting.onAtlassianOnly ? 'Atlassian' : 'Not stated')],
        ['Stored only on Atlassian', yesNo(glance.hosting.onAtlassianOnly)],
        ['Data residency', residency],
        ['Longest retention', glance.retention.longest ?? ''],
        ['Typical retention', glance.retention.typical ?? ''],
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
      title: localize(purpose.name, locale),
      blocks: [
        facts([
          ['What for', localize(purpose.description, locale)],
          ['Legal basis', joined((purpose.legalBasis ?? []).map((b) => LABELS.legalBasis[b]))],
          ['In the policy’s words', localize(purpose.legalBasisNote, locale)],
        ]),
        ...notesBlock(purpose.notes, locale),
      ],
    })),
  };
}

function whyText(declaration: Declaration, category: DataCategory, locale: string): string {
  const purposes = joined(purposesOf(declaration, category).map((p) => localize(p.name, locale)));
  const bases = joined(legalBasesOf(declaration, category).map((b) => LABELS.legalBasis[b]));
  return bases ? `${purposes} (${bases})` : purposes;
}

function categoryDetails(declaration: Declaration, category: DataCategory, locale: string): Block {
  const retention = category.retention;
  return {
    kind: 'subsection',
    title: localize(category.name, locale),
    blocks: [
      facts([
        ['What it is', localize(category.description, locale)],
        ['Examples', joined((category.examples ?? []).map((e) => localize(e, locale)))],
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
        ['How to turn it off', localize(category.howToDisable, locale)],
        ['Why', whyText(declaration, category, locale)],
        [
          'Stored in',
          joined(locationsOf(declaration, category).map((l) => locationText(l, locale))),
        ],
        ['How long', describeRetention(retention, locale)],
        ['Retention basis', LABELS.retentionBasis[retention.basis]],
        ['Retention period', retention.period && describeDuration(retention.period)],
        ['Period starts at', retention.after && LABELS.retentionTrigger[retention.after]],
        ['Deletion on request', yesNo(retention.deletableOnRequest)],
        [
          'Backups kept for',
          retention.backups?.period && describeDuration(retention.backups.period),
        ],
        ['Backups', localize(retention.backups?.description, locale)],
        ['Retention in the policy’s words', localize(retention.description, locale)],
        [
          'Retention notes',
          joined(
            (retention.notes ?? []).map((n) => localize(n, locale)),
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
          localize(category.name, locale),
          joined((category.examples ?? []).map((e) => localize(e, locale))),
        ],
        ': ',
      ),
    ],
    [joined(category.subjects.map((s) => LABELS.dataSubject[s]))],
    [whyText(declaration, category, locale)],
    [joined(locationsOf(declaration, category).map((l) => locationText(l, locale))) || '—'],
    [describeRetention(category.retention, locale)],
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
