import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CURRENT_SCHEMA_VERSION,
  migrate,
  MIGRATIONS,
  parseDeclaration,
  validateDeclarationText,
} from '@declaration';

const text = readFileSync(
  new URL('./fixtures/techtime-user-management.yaml', import.meta.url),
  'utf8',
);
const techtime = parse(text) as Record<string, unknown>;

describe('migrate', () => {
  afterEach(() => {
    // Tests below add pretend migrations from a version 0; the real table must stay as shipped.
    delete MIGRATIONS[0];
  });

  it('leaves a current declaration as it is', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    expect(migrate(techtime)).toEqual({ ok: true, document: techtime });
  });

  it('refuses a declaration from a newer version and says to upgrade', () => {
    const result = migrate({ ...techtime, schemaVersion: 2 });
    expect(result).toEqual({
      ok: false,
      message:
        'schemaVersion 2 is newer than this version of Privacy Disclosure understands (1); upgrade the app or CLI',
    });
  });

  it('refuses an older version it has no migration for', () => {
    expect(migrate({ ...techtime, schemaVersion: 0 })).toEqual({
      ok: false,
      message: 'schemaVersion 0 is not supported; write 1',
    });
  });

  it('leaves a missing or non-numeric version for the schema to explain', () => {
    const { schemaVersion: _dropped, ...withoutVersion } = techtime;
    expect(migrate(withoutVersion)).toEqual({ ok: true, document: withoutVersion });
    expect(migrate({ ...techtime, schemaVersion: '1' }).ok).toBe(true);
    expect(parseDeclaration({ ...techtime, schemaVersion: '1' })).toEqual({
      ok: false,
      issues: [
        {
          path: ['schemaVersion'],
          message: 'must be 1, written without quotes (it is text now)',
        },
      ],
    });
  });

  it('reads an old declaration through a migration step', () => {
    // Version 0 called the retention basis "fixed"; the step renames it, as a real migration would.
    MIGRATIONS[0] = (document) => ({
      ...document,
      schemaVersion: 1,
      dataCategories: (document.dataCategories as { retention: { basis: string } }[]).map(
        (category) => ({
          ...category,
          retention: {
            ...category.retention,
            basis: category.retention.basis === 'fixed' ? 'fixed-period' : category.retention.basis,
          },
        }),
      ),
    });
    const old = text
      .replace('schemaVersion: 1', 'schemaVersion: 0')
      .replace('basis: fixed-period', 'basis: fixed');
    const result = validateDeclarationText(old, 'user-management.yaml');
    expect(result.ok && result.declaration.dataCategories[0]?.retention.basis).toBe('fixed-period');
    expect(result.ok && result.declaration.schemaVersion).toBe(1);
  });

  it('reports a migration that loses the version', () => {
    MIGRATIONS[0] = ({ schemaVersion: _dropped, ...rest }) => rest;
    expect(migrate({ ...techtime, schemaVersion: 0 })).toEqual({
      ok: false,
      message: 'a migration produced a document without schemaVersion',
    });
  });
});
