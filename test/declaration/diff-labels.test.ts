import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { DiffEntry } from '@declaration';
import {
  diffFieldLabel,
  diffSectionLabel,
  diffValueLabel,
  wholeEntryLabel,
} from '@declaration/diff-labels.ts';
import { createTranslator, ENGLISH, loadCatalogue } from '@declaration/i18n/index.ts';
import { SHIPPED_LOCALES } from '@declaration/i18n/locales.ts';

/** Every property name anywhere in the declaration's JSON Schema: the fields a diff can name. */
function schemaFieldNames(): string[] {
  const schema: unknown = JSON.parse(
    readFileSync(new URL('../../schema/declaration.schema.json', import.meta.url), 'utf8'),
  );
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null) {
      for (const name of Object.keys(properties)) names.add(name);
    }
    Object.values(node).forEach(walk);
  };
  walk(schema);
  return [...names].sort();
}

const changedPolicy: DiffEntry = {
  section: 'policy',
  kind: 'changed',
  key: 'policy',
  label: 'Privacy policy',
  fields: [{ path: 'version', before: '2023-02', after: '2024-06' }],
};

describe('names in "What changed"', () => {
  test('every field of the declaration format has a name in the catalogue', () => {
    const fields = schemaFieldNames();
    expect(fields.length).toBeGreaterThan(100);
    // A field without a name would show its key ("responseTimeDescription") to the admin.
    const unnamed = fields.filter((field) => diffFieldLabel(field, ENGLISH) === field);
    expect(unnamed).toEqual([]);
  });

  test('every field of format 2 has its own name in every shipped locale', async () => {
    const fields = ['residency', 'handling', 'storedOnlyBy', 'platformDifferences', 'logs'];
    fields.push('placement', 'realms', 'unpinned', 'afterDeletion', 'grants', 'notCovered');
    fields.push('cloudFortified', 'programmes', 'penetrationTests', 'tablePrefixes', 'domains');
    for (const locale of SHIPPED_LOCALES) {
      const translator = createTranslator(locale, await loadCatalogue(locale));
      for (const field of fields) {
        const name = diffFieldLabel(field, translator);
        expect(name, `${locale} ${field}`).not.toBe(field);
        // Cloud Fortified is Atlassian's name; "Logs", "Domains" are words some languages share.
        if (locale !== 'en-US' && !['cloudFortified', 'logs', 'domains'].includes(field)) {
          expect(name, `${locale} ${field}`).not.toBe(diffFieldLabel(field, ENGLISH));
        }
      }
    }
  });

  test('paths into format 2 read as words', () => {
    expect(diffFieldLabel('platformDifferences.0.retention.basis', ENGLISH)).toBe(
      'Differences by platform → #1 → Retention → How long it is kept',
    );
    expect(diffFieldLabel('backups.afterDeletion.period', ENGLISH)).toBe(
      'Backups → After deletion → Period',
    );
    expect(diffFieldLabel('grants.1.circumstances', ENGLISH)).toBe(
      'Access by role → #2 → Circumstances',
    );
  });

  test('a nested path reads as its fields in words, list positions counted from one', () => {
    expect(diffFieldLabel('retention.basis', ENGLISH)).toBe('Retention → How long it is kept');
    expect(diffFieldLabel('notes.0', ENGLISH)).toBe('Notes → #1');
    expect(diffFieldLabel('backups.country', ENGLISH)).toBe('Backups → Country');
  });

  test('how a path is joined is the catalogue’s, so a language can put the parts its own way', () => {
    const japanese = createTranslator('ja-JP', {
      diff: {
        fieldPath: '{parent}の{field}',
        itemNumber: '{number}番目',
        field: { backups: 'バックアップ', country: '国', notes: '注記' },
      },
    });
    expect(diffFieldLabel('backups.country', japanese)).toBe('バックアップの国');
    expect(diffFieldLabel('notes.1', japanese)).toBe('注記の2番目');
  });

  test('a part reported whole is named from the catalogue; an item keeps its own name', () => {
    expect(wholeEntryLabel(changedPolicy, ENGLISH)).toBe('Privacy policy');
    expect(
      wholeEntryLabel(
        { ...changedPolicy, section: 'vendorAccess', key: 'vendorAccess' },
        createTranslator('de-DE', { diff: { whole: { vendorAccess: 'Zugriff des Anbieters' } } }),
      ),
    ).toBe('Zugriff des Anbieters');
    const recipient: DiffEntry = {
      section: 'recipients',
      kind: 'added',
      key: 'rsync-net',
      label: 'Rsync.net',
      fields: [],
    };
    expect(wholeEntryLabel(recipient, ENGLISH)).toBeUndefined();
    expect(diffSectionLabel('recipients', ENGLISH)).toBe('Recipients');
  });

  test('enum values read as labels; a value the format does not have is left to the caller', () => {
    expect(diffValueLabel('legalBasis', 'contract', ENGLISH)).toBe('Performance of a contract');
    expect(diffValueLabel('retentionBasis', 'until-deletion-request', ENGLISH)).toBe(
      'Until deletion is requested',
    );
    expect(diffValueLabel('access', 'write', ENGLISH)).toBe('Read and write');
    expect(diffValueLabel('categoryResidency', 'excluded', ENGLISH)).toBe(
      'Excluded from data residency',
    );
    expect(diffValueLabel('legalBasis', 'sorcery', ENGLISH)).toBeUndefined();
    expect(diffValueLabel('legalBasis', 'toString', ENGLISH)).toBeUndefined();
  });
});
