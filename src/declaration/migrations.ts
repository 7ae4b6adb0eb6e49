import { CURRENT_SCHEMA_VERSION } from './schema/declaration.ts';

/** Something a migration noticed: a value of the older version that is better said another way. */
export interface MigrationNote {
  /** Path into the document, e.g. ["dataCategories", 2, "retention", "backups"]. */
  path: (string | number)[];
  message: string;
}

type Doc = Record<string, unknown>;

/**
 * One named step of the way from one `schemaVersion` to the next. Steps never move a value to
 * another path, so that what the validator says about a migrated file still points at the line
 * the vendor wrote. A step that only notices something leaves the document as it is.
 */
export interface Migration {
  /** A stable name, never reused: `declaration/<to-version>.<what>`. */
  id: string;
  /** The schemaVersion the step applies to; the last step of a version writes the next one. */
  from: number;
  /** What it does, in a sentence. */
  description: string;
  up: (document: Doc, notes: MigrationNote[]) => Doc;
}

function isMapping(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Visits each mapping of a list, for steps that only notice: nothing is copied or changed. */
function forEachMapping(list: unknown, visit: (item: Doc, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, index) => {
    if (isMapping(item)) visit(item, index);
  });
}

function each(list: unknown, visit: (item: Doc, index: number) => Doc): unknown {
  return Array.isArray(list)
    ? list.map((item: unknown, index) => (isMapping(item) ? visit(item, index) : item))
    : list;
}

function yesNo(value: unknown): unknown {
  return value === true ? 'yes' : value === false ? 'no' : value;
}

function mentions(value: unknown, words: RegExp): boolean {
  if (typeof value === 'string') return words.test(value);
  return isMapping(value) && Object.values(value).some((text) => mentions(text, words));
}

/**
 * Every migration, in the order they run. Add new ones at the end; never rename or remove one:
 * a stored record or a vendor's file may still need it.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 'declaration/2.personal-as-value',
    from: 1,
    description:
      'A category\'s personal and sensitive become yes / no / may-contain / not-stated: true is "yes", false is "no".',
    up: (document) => ({
      ...document,
      dataCategories: each(document.dataCategories, (category) => ({
        ...category,
        personal: yesNo(category.personal),
        sensitive: yesNo(category.sensitive),
      })),
    }),
  },
  {
    id: 'declaration/2.backups-as-data',
    from: 1,
    description:
      'Notes backups described only in words: version 2 gives them frequency, copies, period and place.',
    up: (document, notes) => {
      forEachMapping(document.dataCategories, (category, index) => {
        const backups = isMapping(category.retention) ? category.retention.backups : undefined;
        if (isMapping(backups) && backups.description !== undefined && backups.period === undefined)
          notes.push({
            path: ['dataCategories', index, 'retention', 'backups'],
            message:
              'backups are described only in words; version 2 can say how long as data: period with bound (at-most, at-least), afterDeletion, storedIn',
          });
      });
      forEachMapping(document.locations, (location, index) => {
        const backups = location.backups;
        if (
          isMapping(backups) &&
          backups.description !== undefined &&
          backups.frequency === undefined &&
          backups.period === undefined
        )
          notes.push({
            path: ['locations', index, 'backups'],
            message:
              'backups are described only in words; version 2 can say frequency (daily, weekly), copies, period with bound, and encrypted',
          });
      });
      return document;
    },
  },
  {
    id: 'declaration/2.residency-per-category',
    from: 1,
    description:
      "Notes residency explained in a location's residencyNote: version 2 says it per category and says how the place is chosen.",
    up: (document, notes) => {
      forEachMapping(document.locations, (location, index) => {
        if (location.residencyNote !== undefined)
          notes.push({
            path: ['locations', index, 'residencyNote'],
            message:
              'version 2 can say which data follows residency on each category (residency: in-scope, global, excluded) and how the place is chosen (placement: pinned-realm, nearest-to-user, fixed)',
          });
      });
      return document;
    },
  },
  {
    id: 'declaration/2.stored-only-by',
    from: 1,
    description:
      'Notes data that is not stored but goes to recipients: version 2 names who stores it in handling.storedOnlyBy.',
    up: (document, notes) => {
      forEachMapping(document.dataCategories, (category, index) => {
        const basis = isMapping(category.retention) ? category.retention.basis : undefined;
        if (
          basis === 'not-stored' &&
          Array.isArray(category.recipients) &&
          category.recipients.length > 0
        )
          notes.push({
            path: ['dataCategories', index, 'retention', 'basis'],
            message:
              'the app does not store this data but sends it to recipients; if one of them stores it, name it in handling.storedOnlyBy',
          });
      });
      return document;
    },
  },
  {
    id: 'declaration/2.security-programmes',
    from: 1,
    description:
      'Notes Cloud Fortified and bug bounties given as certifications or measures: version 2 has fields for them.',
    up: (document, notes) => {
      const security = document.security;
      if (!isMapping(security)) return document;
      forEachMapping(security.certifications, (certification, index) => {
        if (mentions(certification.name, /cloud fortified/i))
          notes.push({
            path: ['security', 'certifications', index, 'name'],
            message:
              'Cloud Fortified is not a certification; version 2 says it as security.cloudFortified',
          });
      });
      (Array.isArray(security.measures) ? security.measures : []).forEach(
        (measure: unknown, index) => {
          if (mentions(measure, /bug bounty|vulnerability disclosure|penetration test/i))
            notes.push({
              path: ['security', 'measures', index],
              message:
                'version 2 says bug bounties and disclosure programmes as security.programmes, and penetration tests as security.penetrationTests',
            });
        },
      );
      return document;
    },
  },
  {
    id: 'declaration/2.vendor-access-grants',
    from: 1,
    description:
      'Notes vendor access given only in words: version 2 says which roles access which data, when and how.',
    up: (document, notes) => {
      const access = document.vendorAccess;
      if (isMapping(access) && access.grants === undefined)
        notes.push({
          path: ['vendorAccess'],
          message:
            'version 2 can say vendor access as data: grants, each with a role, the categories, access (read, write) and circumstances (support-request, maintenance, ...)',
        });
      return document;
    },
  },
  {
    id: 'declaration/2.schema-version',
    from: 1,
    description: 'Writes schemaVersion 2.',
    up: (document) => ({ ...document, schemaVersion: 2 }),
  },
];

/** Result of migrating an unknown value to the current schema version. */
export type MigrationResult =
  | {
      ok: true;
      document: unknown;
      /** Ids of the migrations that ran, in order. */
      applied: string[];
      /** What the migrations noticed, for the validator to pass on as warnings. */
      notes: MigrationNote[];
    }
  | { ok: false; message: string };

/**
 * Brings `document` up to the current schema version, or says why it cannot. A value that is not
 * a mapping with a whole-number schemaVersion is returned as it is: the schema explains it.
 */
export function migrate(
  document: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  const applied: string[] = [];
  const notes: MigrationNote[] = [];
  if (!isMapping(document)) return { ok: true, document, applied, notes };
  let current = document;
  let version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return { ok: true, document, applied, notes };
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this version of Privacy Disclosure understands (${CURRENT_SCHEMA_VERSION}); upgrade the app or CLI`,
    };
  }
  while (version < CURRENT_SCHEMA_VERSION) {
    const from = version;
    const steps = migrations.filter((migration) => migration.from === from);
    if (steps.length === 0) {
      return {
        ok: false,
        message: `schemaVersion ${version} is not supported; write ${CURRENT_SCHEMA_VERSION}`,
      };
    }
    for (const step of steps) {
      current = step.up(current, notes);
      applied.push(step.id);
    }
    version = current.schemaVersion;
    if (typeof version !== 'number' || version <= from) {
      return {
        ok: false,
        message: `migration ${steps.at(-1)?.id ?? ''} did not raise schemaVersion above ${from}`,
      };
    }
  }
  return { ok: true, document: current, applied, notes };
}
