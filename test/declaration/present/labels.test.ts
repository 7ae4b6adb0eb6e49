import { describe, expect, it } from 'vitest';
import {
  Cookie,
  DataSource,
  DataSubject,
  LABELS,
  LegalBasis,
  Platform,
  RecipientCategory,
  RetentionBasis,
  RetentionTrigger,
  RightKind,
  RightsRegime,
  Transfer,
} from '@declaration';

describe('LABELS', () => {
  const enums: [string, readonly string[], Record<string, string>][] = [
    ['legalBasis', LegalBasis.options, LABELS.legalBasis],
    ['dataSubject', DataSubject.options, LABELS.dataSubject],
    ['dataSource', DataSource.options, LABELS.dataSource],
    ['platform', Platform.options, LABELS.platform],
    ['recipientCategory', RecipientCategory.options, LABELS.recipientCategory],
    ['retentionBasis', RetentionBasis.options, LABELS.retentionBasis],
    ['retentionTrigger', RetentionTrigger.options, LABELS.retentionTrigger],
    ['right', RightKind.options, LABELS.right],
    ['regime', RightsRegime.shape.regime.options, LABELS.regime],
    ['cookieCategory', Cookie.shape.category.options, LABELS.cookieCategory],
    ['transferMechanism', Transfer.shape.mechanism.options, LABELS.transferMechanism],
  ];

  it.each(enums)('has a distinct English label for every %s value', (_name, values, labels) => {
    for (const value of values) expect(labels[value], value).toMatch(/^[A-Z]/);
    expect(new Set(values.map((value) => labels[value])).size).toBe(values.length);
  });

  it('uses the words privacy people use', () => {
    expect(LABELS.legalBasis['legitimate-interests']).toBe('Legitimate interests');
    expect(LABELS.platform['data-center']).toBe('Data Center');
  });
});
