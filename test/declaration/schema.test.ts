import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkReferences,
  Declaration,
  durationInDays,
  formatLocatedIssue,
  parseDeclaration,
  parseDuration,
  Text,
  validateDeclarationText,
  type Declaration as DeclarationType,
} from '@declaration';

const techtime = parse(
  readFileSync(new URL('./fixtures/techtime-user-management.yaml', import.meta.url), 'utf8'),
) as DeclarationType;

/** A fresh copy of the TechTime declaration with `change` applied. */
function changed(change: (declaration: DeclarationType) => void): unknown {
  const copy = structuredClone(techtime);
  change(copy);
  return copy;
}

function issuesOf(value: unknown): { path: string; message: string }[] {
  const result = parseDeclaration(value);
  if (result.ok) throw new Error('expected the declaration to be rejected');
  return result.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('parseDeclaration (values from storage or JSON)', () => {
  it('accepts the TechTime declaration', () => {
    const result = parseDeclaration(techtime);
    expect(result.ok && result.declaration.app.name).toBe('User Management');
  });

  it('speaks plainly about wrong types and missing fields', () => {
    const issues = issuesOf(
      changed((declaration) => {
        (declaration.dataCategories[0] as { personal: unknown }).personal = true;
        (
          declaration.dataCategories[1]!.retention as { deletableOnRequest: unknown }
        ).deletableOnRequest = 'yes';
        delete (declaration.policy as { lastUpdated?: string }).lastUpdated;
      }),
    );
    expect(issues).toEqual([
      { path: 'policy.lastUpdated', message: 'is required' },
      {
        path: 'dataCategories.0.personal',
        message: 'must be one of: yes, no, may-contain, not-stated, not true (true/false)',
      },
      {
        path: 'dataCategories.1.retention.deletableOnRequest',
        message: 'must be true or false, not text',
      },
    ]);
  });

  it('reports schema and reference problems in one answer', () => {
    const issues = issuesOf(
      changed((declaration) => {
        declaration.policy.lastUpdated = '2023-02-29';
        declaration.dataCategories[1]!.purposes = ['suport'];
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'policy.lastUpdated',
      'dataCategories.1.purposes.0',
    ]);
  });

  it('names an unknown field with a suggestion', () => {
    const issues = issuesOf(
      changed((declaration) => {
        (declaration.vendor as Record<string, unknown>).privacyContacts = 'mailto:a@b.nz';
      }),
    );
    expect(issues).toEqual([
      {
        path: 'vendor.privacyContacts',
        message: 'unknown field "privacyContacts"; did you mean "privacyContact"?',
      },
    ]);
  });

  it('rejects what is not a declaration at all', () => {
    expect(issuesOf(null)[0]?.message).toMatch(/must be a mapping of fields/);
    expect(issuesOf(['TechTime'])[0]?.message).toMatch(/not a list/);
  });
});

describe('checkReferences', () => {
  it('finds nothing wrong in a declaration whose references all resolve', () => {
    expect(checkReferences(techtime)).toEqual([]);
  });

  it('finds nothing wrong in the declaration that fills every field of version 2', () => {
    const complete = parse(
      readFileSync(new URL('./export/fixtures/exalate-complete.yaml', import.meta.url), 'utf8'),
    ) as DeclarationType;
    expect(parseDeclaration(complete).ok).toBe(true);
    expect(checkReferences(complete)).toEqual([]);
  });

  it('reports every unknown reference and duplicate id with its path', () => {
    const broken = changed((declaration) => {
      declaration.locations.push({ id: 'techtime-backend', hostedBy: 'atlassian' });
      declaration.dataCategories[2]!.recipients = ['typeform', 'trello'];
    }) as DeclarationType;
    expect(checkReferences(broken)).toEqual([
      {
        path: ['locations', 1, 'id'],
        message: 'duplicate id "techtime-backend": locations[0] already uses it',
      },
      {
        path: ['dataCategories', 2, 'recipients', 1],
        message:
          'unknown recipient id "trello"; declared recipient ids: "mail-provider", "typeform"',
      },
    ]);
  });
});

describe('schema primitives', () => {
  it('accepts leap days only in leap years', () => {
    const at = (date: string) => parseDeclaration(changed((d) => (d.policy.lastUpdated = date))).ok;
    expect(at('2024-02-29')).toBe(true);
    expect(at('2023-02-29')).toBe(false);
    expect(at('28.02.2024')).toBe(false);
  });

  it('accepts text with translations only when English is there', () => {
    expect(Text.safeParse({ en: 'Survey answers', de: 'Umfrageantworten' }).success).toBe(true);
    expect(Text.safeParse({ de: 'Umfrageantworten' }).success).toBe(false);
    expect(Text.safeParse({ en: 'Survey answers', 'pt-BR': 'Respostas' }).success).toBe(true);
  });

  it('reads ISO periods used for retention', () => {
    expect(parseDuration('P1Y6M')).toEqual({
      years: 1,
      months: 6,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
    });
    expect(durationInDays('P180D')).toBe(180);
    expect(parseDuration('180 days')).toBeUndefined();
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('PT')).toBeUndefined();
  });

  it('reads periods shorter than a day as fractions of a day', () => {
    expect(parseDuration('PT1H')).toMatchObject({ days: 0, hours: 1 });
    expect(durationInDays('PT12H')).toBe(0.5);
    expect(durationInDays('PT30M')).toBeCloseTo(1 / 48);
    expect(durationInDays('P1DT6H')).toBe(1.25);
  });

  it('accepts a retention of an hour and refuses one of nothing', () => {
    const hour = changed((d) => {
      d.dataCategories[0]!.retention.period = 'PT1H';
    });
    expect(parseDeclaration(hour).ok).toBe(true);
    const zero = changed((d) => {
      d.dataCategories[0]!.retention.period = 'PT0M';
    });
    expect(issuesOf(zero)).toEqual([
      {
        path: 'dataCategories.0.retention.period',
        message:
          'a zero period (PT0M) keeps nothing: use basis "not-stored" for data that is processed but not kept',
      },
    ]);
  });

  it('does not let a retention period contradict "not stored"', () => {
    const result = Declaration.safeParse(
      changed(
        (d) =>
          (d.dataCategories[2]!.retention = {
            basis: 'not-stored',
            period: 'P30D',
            after: 'collection',
          }),
      ),
    );
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'a period does not fit basis "not-stored"',
    );
  });
});

describe('the example declarations in the repository', () => {
  const root = new URL('../../', import.meta.url);
  const files = [
    ...readdirSync(new URL('examples/', root))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => `examples/${name}`),
    'privacy/declaration.yaml',
  ];

  it.each(files)('%s passes validation', (file) => {
    const result = validateDeclarationText(readFileSync(new URL(file, root), 'utf8'), file);
    expect(result.ok ? [] : result.issues.map(formatLocatedIssue)).toEqual([]);
  });
});
