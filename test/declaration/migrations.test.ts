/**
 * The migrations from format 1, tested as tldraw tests its record migrations: each named step
 * on a fragment of version 1, real version-1 files through the whole table, and a last test that
 * every step in MIGRATIONS ran at least once in this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parse, parseDocument } from 'yaml';
import {
  CURRENT_SCHEMA_VERSION,
  formatLocatedIssue,
  migrate,
  MIGRATIONS,
  parseDeclaration,
  validateDeclarationText,
  type MigrationResult,
} from '@declaration';
import type { Migration, MigrationNote } from '../../src/declaration/migrations.ts';

/** Ids of the migrations that ran in this file, by a step's own test or through migrate(). */
const ran = new Set<string>();
/** Ids of the migrations that a test ran on their own, on a fragment written for them. */
const tested = new Set<string>();

/** The migration named `id`, run on a copy of `document`, recorded as run. */
function runStep(id: string, document: Record<string, unknown>) {
  const migration = MIGRATIONS.find((candidate) => candidate.id === id);
  if (!migration) throw new Error(`no migration ${id}`);
  ran.add(id);
  tested.add(id);
  const notes: MigrationNote[] = [];
  const before = structuredClone(document);
  const result = migration.up(structuredClone(document), notes);
  return { result, notes, before };
}

/** migrate(), with the ids it applied recorded as run. */
function migrated(document: unknown, migrations?: readonly Migration[]): MigrationResult {
  const result = migrate(document, migrations);
  // Pretend steps that a test passes in are not the shipped table's.
  const shipped = new Set(MIGRATIONS.map((migration) => migration.id));
  if (result.ok) result.applied.filter((id) => shipped.has(id)).forEach((id) => ran.add(id));
  return result;
}

describe('each migration from version 1', () => {
  it('declaration/2.personal-as-value: true is "yes", false is "no", anything else stays', () => {
    const { result, notes } = runStep('declaration/2.personal-as-value', {
      schemaVersion: 1,
      dataCategories: [
        { id: 'runtime-user-data', personal: true, sensitive: false },
        { id: 'survey-answers', personal: 'yes', sensitive: 'no' },
        'not a category',
      ],
    });
    expect(result.dataCategories).toEqual([
      { id: 'runtime-user-data', personal: 'yes', sensitive: 'no' },
      { id: 'survey-answers', personal: 'yes', sensitive: 'no' },
      'not a category',
    ]);
    expect(notes).toEqual([]);
  });

  it('declaration/2.backups-as-data: notes backups given only in words, and leaves them as written', () => {
    const document = {
      dataCategories: [
        { retention: { basis: 'while-subscribed', backups: { description: 'Kept offline.' } } },
        { retention: { basis: 'while-subscribed', backups: { period: 'P30D' } } },
      ],
      locations: [
        { id: 'exalate-cloud', backups: { description: 'Daily, at Rsync.net in Zurich.' } },
        { id: 'forge', backups: { description: 'Atlassian backs it up.', frequency: 'daily' } },
      ],
    };
    const { result, notes, before } = runStep('declaration/2.backups-as-data', document);
    expect(result).toEqual(before);
    expect(notes).toEqual([
      {
        path: ['dataCategories', 0, 'retention', 'backups'],
        message:
          'backups are described only in words; version 2 can say how long as data: period with bound (at-most, at-least), afterDeletion, storedIn',
      },
      {
        path: ['locations', 0, 'backups'],
        message:
          'backups are described only in words; version 2 can say frequency (daily, weekly), copies, period with bound, and encrypted',
      },
    ]);
  });

  it("declaration/2.residency-per-category: notes a location's residencyNote", () => {
    const { result, notes, before } = runStep('declaration/2.residency-per-category', {
      locations: [
        { id: 'forge-storage', residencyNote: 'Follows the pinned realm.' },
        { id: 'exalate-cloud' },
      ],
    });
    expect(result).toEqual(before);
    expect(notes).toEqual([
      {
        path: ['locations', 0, 'residencyNote'],
        message: expect.stringMatching(/^version 2 can say which data follows residency/),
      },
    ]);
  });

  it('declaration/2.stored-only-by: notes data that is not stored but goes to recipients', () => {
    const { notes } = runStep('declaration/2.stored-only-by', {
      dataCategories: [
        { retention: { basis: 'not-stored' }, recipients: ['typeform'] },
        { retention: { basis: 'not-stored' } },
        { retention: { basis: 'while-subscribed' }, recipients: ['typeform'] },
      ],
    });
    expect(notes).toEqual([
      {
        path: ['dataCategories', 0, 'retention', 'basis'],
        message:
          'the app does not store this data but sends it to recipients; if one of them stores it, name it in handling.storedOnlyBy',
      },
    ]);
  });

  it('declaration/2.security-programmes: notes Cloud Fortified as a certification and programmes as measures', () => {
    const { notes } = runStep('declaration/2.security-programmes', {
      security: {
        certifications: [
          { name: 'SOC 2 Type II' },
          { name: { en: 'Cloud Fortified', de: 'Cloud Fortified' } },
        ],
        measures: [
          'Encryption at rest',
          'A public bug bounty on Bugcrowd',
          'Yearly penetration tests',
        ],
      },
    });
    expect(notes.map((note) => note.path)).toEqual([
      ['security', 'certifications', 1, 'name'],
      ['security', 'measures', 1],
      ['security', 'measures', 2],
    ]);
    expect(notes[0]?.message).toBe(
      'Cloud Fortified is not a certification; version 2 says it as security.cloudFortified',
    );
  });

  it('declaration/2.vendor-access-grants: notes vendor access without grants', () => {
    const without = runStep('declaration/2.vendor-access-grants', {
      vendorAccess: { who: 'Support engineers' },
    });
    expect(without.notes).toEqual([
      {
        path: ['vendorAccess'],
        message: expect.stringMatching(/^version 2 can say vendor access as data: grants/),
      },
    ]);
    const withGrants = runStep('declaration/2.vendor-access-grants', {
      vendorAccess: { grants: [] },
    });
    expect(withGrants.notes).toEqual([]);
    expect(runStep('declaration/2.vendor-access-grants', {}).notes).toEqual([]);
  });

  it('declaration/2.schema-version: writes schemaVersion 2 and nothing else', () => {
    const { result } = runStep('declaration/2.schema-version', { schemaVersion: 1, vendor: {} });
    expect(result).toEqual({ schemaVersion: 2, vendor: {} });
  });

  it('runs every step from 1, in table order, and writes the current version last', () => {
    const result = migrated({ schemaVersion: 1 });
    expect(result).toEqual({
      ok: true,
      document: { schemaVersion: CURRENT_SCHEMA_VERSION },
      applied: MIGRATIONS.filter((migration) => migration.from === 1).map(
        (migration) => migration.id,
      ),
      notes: [],
    });
    expect(MIGRATIONS.at(-1)?.id).toBe('declaration/2.schema-version');
  });

  it('never reuses an id', () => {
    const ids = MIGRATIONS.map((migration) => migration.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^declaration\/\d+\.[a-z-]+$/);
  });
});

describe('migrate', () => {
  const techtime = parse(
    readFileSync(new URL('./fixtures/techtime-user-management.yaml', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

  it('leaves a current declaration as it is', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
    expect(migrated(techtime)).toEqual({ ok: true, document: techtime, applied: [], notes: [] });
  });

  it('refuses a declaration from a newer version and says to upgrade', () => {
    expect(migrated({ ...techtime, schemaVersion: 3 })).toEqual({
      ok: false,
      message:
        'schemaVersion 3 is newer than this version of Privacy Disclosure understands (2); upgrade the app or CLI',
    });
  });

  it('refuses an older version it has no migration for', () => {
    expect(migrated({ ...techtime, schemaVersion: 0 })).toEqual({
      ok: false,
      message: 'schemaVersion 0 is not supported; write 2',
    });
  });

  it('leaves a missing or non-numeric version for the schema to explain', () => {
    const { schemaVersion: _dropped, ...withoutVersion } = techtime;
    expect(migrated(withoutVersion)).toEqual({
      ok: true,
      document: withoutVersion,
      applied: [],
      notes: [],
    });
    expect(parseDeclaration({ ...techtime, schemaVersion: '1' })).toEqual({
      ok: false,
      issues: [
        {
          path: ['schemaVersion'],
          message: '"1" is text: write the number without quotes, such as 2',
        },
      ],
    });
  });

  it('takes the migration table as an argument, so a test never changes the shipped one', () => {
    // A pretend version 0 that called the retention basis "fixed".
    const fromZero: Migration = {
      id: 'declaration/1.fixed-period',
      from: 0,
      description: 'Renames basis fixed to fixed-period.',
      up: (document) => ({
        ...document,
        schemaVersion: 1,
        dataCategories: (document.dataCategories as { retention: { basis: string } }[]).map(
          (category) => ({
            ...category,
            retention: {
              ...category.retention,
              basis: category.retention.basis.replace(/^fixed$/, 'fixed-period'),
            },
          }),
        ),
      }),
    };
    const shipped = [...MIGRATIONS];
    const old = {
      ...techtime,
      schemaVersion: 0,
      dataCategories: (techtime.dataCategories as Record<string, unknown>[]).map(
        (category, index) =>
          index === 0
            ? {
                ...category,
                personal: true,
                sensitive: false,
                retention: { basis: 'fixed', period: 'P180D', after: 'uninstall' },
              }
            : category,
      ),
    };
    const result = migrated(old, [fromZero, ...MIGRATIONS]);
    expect(result.ok && result.applied).toEqual([
      'declaration/1.fixed-period',
      ...MIGRATIONS.map((migration) => migration.id),
    ]);
    expect(parseDeclaration(result.ok ? result.document : undefined)).toMatchObject({ ok: true });
    expect(MIGRATIONS).toEqual(shipped);
  });

  it('reports a step that does not raise the version', () => {
    const stuck: Migration = {
      id: 'declaration/1.stuck',
      from: 0,
      description: 'Forgets to write the version.',
      up: (document) => document,
    };
    expect(migrate({ schemaVersion: 0 }, [stuck])).toEqual({
      ok: false,
      message: 'migration declaration/1.stuck did not raise schemaVersion above 0',
    });
  });
});

describe('real version-1 files', () => {
  const folder = new URL('../fixtures/declarations-v1/', import.meta.url);
  const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));

  /** 1-based line of the key (or list item) that `path` ends in, read from the YAML itself. */
  function lineOf(text: string, path: (string | number)[]): number {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, merge: true });
    const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
    const last = path.at(-1);
    let offset: number | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      offset = (pair?.key as { range?: [number, number] } | undefined)?.range?.[0];
    } else {
      const item =
        (document.getIn(path, true) as { range?: [number, number] } | undefined) ?? undefined;
      offset = item?.range?.[0];
    }
    if (offset === undefined) throw new Error(`nothing at ${path.join('.')}`);
    return lineCounter.linePos(offset).line;
  }

  it("are all six: the five examples and this app's own declaration", () => {
    expect(files).toHaveLength(6);
  });

  it.each(files)('%s still validates, migrated to version 2', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    expect(text).toMatch(/^schemaVersion: 1$/m);
    const result = validateDeclarationText(text, name);
    expect(result.ok ? [] : result.issues.map(formatLocatedIssue)).toEqual([]);
    if (!result.ok) return;
    expect(result.declaration.schemaVersion).toBe(2);
    const v1 = parse(text) as { dataCategories: { personal: boolean; sensitive: boolean }[] };
    expect(result.declaration.dataCategories.map((category) => category.personal)).toEqual(
      v1.dataCategories.map((category) => (category.personal ? 'yes' : 'no')),
    );
  });

  it.each(files)(
    '%s reports every migration note as a warning where the field is written',
    (name) => {
      const text = readFileSync(new URL(name, folder), 'utf8');
      const result = migrated(parse(text));
      if (!result.ok) throw new Error(result.message);
      expect(result.applied).toEqual(MIGRATIONS.map((migration) => migration.id));
      const validation = validateDeclarationText(text, name);
      for (const note of result.notes) {
        expect(validation.warnings).toContainEqual(
          expect.objectContaining({
            path: note.path,
            message: note.message,
            severity: 'warning',
            line: lineOf(text, note.path),
          }),
        );
      }
    },
  );

  it("Exalate's notes point at its backups, its backup anchor's alias and its vendor access", () => {
    const name = 'exalate-cloud.yaml';
    const text = readFileSync(new URL(name, folder), 'utf8');
    const lines = text.split('\n');
    const lineWith = (start: string, from = 0) =>
      lines.findIndex((line, index) => index >= from && line.startsWith(start)) + 1;
    const result = validateDeclarationText(text, name);
    const notes = result.warnings
      .filter((warning) => warning.message.includes('version 2'))
      .map((warning) => `${warning.line}:${warning.column}  ${warning.pathText}`);
    const locations = lineWith('locations:');
    expect(notes).toEqual([
      expect.stringMatching(/^\d+:7 {2}dataCategories\[1\]\.retention\.backups$/),
      expect.stringMatching(/^\d+:7 {2}dataCategories\[2\]\.retention\.backups$/),
      `${lineWith('    backups: &rsync-backups', locations)}:5  locations[0].backups`,
      `${lineWith('    backups: *rsync-backups', locations)}:5  locations[1].backups`,
      `${lineWith('vendorAccess:')}:1  vendorAccess`,
    ]);
  });

  it('a version-1 file marked as version 3 is refused with that one message', () => {
    const text = readFileSync(new URL('techtime-user-management.yaml', folder), 'utf8').replace(
      'schemaVersion: 1',
      'schemaVersion: 3',
    );
    const result = validateDeclarationText(text, 'techtime.yaml');
    const line = text.split('\n').indexOf('schemaVersion: 3') + 1;
    expect(result.ok ? [] : result.issues.map(formatLocatedIssue)).toEqual([
      `techtime.yaml:${line}:16  schemaVersion  schemaVersion 3 is newer than this version of Privacy Disclosure understands (2); upgrade the app or CLI`,
    ]);
  });
});

// Last in the file, so that it sees every test above.
describe('the migration table', () => {
  const ids = MIGRATIONS.map((migration) => migration.id).sort();

  it('had every migration run at least once by the tests above', () => {
    expect([...ran].sort()).toEqual(ids);
  });

  it('has a test of its own for every migration, so a new step cannot go untested', () => {
    expect([...tested].sort()).toEqual(ids);
  });
});
