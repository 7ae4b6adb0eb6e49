import type { Declaration } from './schema/index.ts';
import { consistencyIssues } from './validation/consistency.ts';
import { field, list, type Path } from './validation/fields.ts';

/** A problem found in a declaration, at a path into the document. */
export interface DeclarationIssue {
  /** Path from the document root, e.g. ["dataCategories", 2, "purposes", 0]. */
  path: (string | number)[];
  /** Plain-language description of what is wrong and how to fix it. */
  message: string;
}

/** The lists whose entries have ids that other parts of the declaration refer to. */
const ID_LISTS = ['purposes', 'dataCategories', 'locations', 'recipients', 'logs'] as const;

/**
 * The ids declared in a list, or undefined when the list is not yet well-formed (not a list, or
 * an entry without a text id): checking references against half a list would report references
 * to the broken entries as unknown, on top of the schema error that already explains it.
 */
function declaredIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = value.map((item) => field(item, 'id'));
  return ids.every((id): id is string => typeof id === 'string') ? ids : undefined;
}

function duplicates(value: unknown, listName: string): DeclarationIssue[] {
  const seen = new Map<string, number>();
  const issues: DeclarationIssue[] = [];
  list(value).forEach((item, index) => {
    const id = field(item, 'id');
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
    } else {
      issues.push({
        path: [listName, index, 'id'],
        message: `duplicate id "${id}": ${listName}[${first}] already uses it`,
      });
    }
  });
  return issues;
}

/** The kinds of thing a reference can name, with the ids declared for each. */
interface Known {
  purpose: string[] | undefined;
  location: string[] | undefined;
  recipient: string[] | undefined;
  'data category': string[] | undefined;
}

/**
 * Reports every text in `refs` (a list of ids, or one id) that is not declared. `at` is the path
 * of the list, or of the single id when `refs` is not a list.
 */
function unknownRefs(refs: unknown, known: Known, kind: keyof Known, at: Path): DeclarationIssue[] {
  const ids = known[kind];
  if (ids === undefined || refs === undefined) return [];
  const choices = ids.map((id) => `"${id}"`).join(', ') || 'none are declared';
  const entries: [unknown, Path][] = Array.isArray(refs)
    ? refs.map((ref, index) => [ref, [...at, index]])
    : [[refs, at]];
  return entries
    .filter(([ref]) => typeof ref === 'string' && !ids.includes(ref))
    .map(([ref, path]) => ({
      path,
      message: `unknown ${kind} id "${String(ref)}"; declared ${kind} ids: ${choices}`,
    }));
}

/** Locations named by a retention's backups (a category's, a platform's or a log's). */
function retentionRefs(retention: unknown, known: Known, at: Path): DeclarationIssue[] {
  return unknownRefs(field(field(retention, 'backups'), 'storedIn'), known, 'location', [
    ...at,
    'backups',
    'storedIn',
  ]);
}

function categoryRefs(category: unknown, index: number, known: Known): DeclarationIssue[] {
  const at = ['dataCategories', index];
  const issues = [
    ...unknownRefs(field(category, 'purposes'), known, 'purpose', [...at, 'purposes']),
    ...unknownRefs(field(category, 'storedIn'), known, 'location', [...at, 'storedIn']),
    ...unknownRefs(field(category, 'recipients'), known, 'recipient', [...at, 'recipients']),
    ...unknownRefs(field(field(category, 'handling'), 'storedOnlyBy'), known, 'recipient', [
      ...at,
      'handling',
      'storedOnlyBy',
    ]),
    ...retentionRefs(field(category, 'retention'), known, [...at, 'retention']),
  ];
  list(field(category, 'platformDifferences')).forEach((difference, position) => {
    const here = [...at, 'platformDifferences', position];
    issues.push(
      ...unknownRefs(field(difference, 'storedIn'), known, 'location', [...here, 'storedIn']),
      ...retentionRefs(field(difference, 'retention'), known, [...here, 'retention']),
    );
  });
  const storedIn = field(category, 'storedIn');
  if (
    field(field(category, 'retention'), 'basis') === 'not-stored' &&
    Array.isArray(storedIn) &&
    storedIn.length > 0
  ) {
    issues.push({
      path: [...at, 'storedIn'],
      message: 'retention says "not-stored" but storedIn names locations; remove one of them',
    });
  }
  return issues;
}

function placementRefs(rule: unknown, index: number, known: Known): DeclarationIssue[] {
  const at = ['placement', index];
  return [
    ...list(field(rule, 'realms')).flatMap((realm, position) =>
      unknownRefs(field(realm, 'location'), known, 'location', [
        ...at,
        'realms',
        position,
        'location',
      ]),
    ),
    ...unknownRefs(field(rule, 'unpinned'), known, 'location', [...at, 'unpinned']),
    ...unknownRefs(field(rule, 'locations'), known, 'location', [...at, 'locations']),
    ...unknownRefs(field(rule, 'categories'), known, 'data category', [...at, 'categories']),
  ];
}

/**
 * Checks what a schema cannot: ids are unique, every reference names something declared, and
 * the facts agree with each other (see consistency.ts). Works on any parsed value, not only one
 * that passed the schema: it checks the parts that are well-formed and skips the rest, so these
 * errors can be reported together with schema errors.
 */
export function checkReferencesInParts(value: unknown): DeclarationIssue[] {
  const issues = ID_LISTS.flatMap((name) => duplicates(field(value, name), name));
  const known: Known = {
    purpose: declaredIds(field(value, 'purposes')),
    location: declaredIds(field(value, 'locations')),
    recipient: declaredIds(field(value, 'recipients')),
    'data category': declaredIds(field(value, 'dataCategories')),
  };
  list(field(value, 'dataCategories')).forEach((category, index) =>
    issues.push(...categoryRefs(category, index, known)),
  );
  list(field(value, 'locations')).forEach((location, index) =>
    issues.push(
      ...unknownRefs(field(field(location, 'backups'), 'location'), known, 'location', [
        'locations',
        index,
        'backups',
        'location',
      ]),
    ),
  );
  list(field(value, 'placement')).forEach((rule, index) =>
    issues.push(...placementRefs(rule, index, known)),
  );
  list(field(value, 'logs')).forEach((log, index) =>
    issues.push(
      ...unknownRefs(field(log, 'storedIn'), known, 'location', ['logs', index, 'storedIn']),
      ...retentionRefs(field(log, 'retention'), known, ['logs', index, 'retention']),
    ),
  );
  list(field(field(value, 'vendorAccess'), 'grants')).forEach((grant, index) => {
    const categories = field(grant, 'categories');
    if (Array.isArray(categories))
      issues.push(
        ...unknownRefs(categories, known, 'data category', [
          'vendorAccess',
          'grants',
          index,
          'categories',
        ]),
      );
  });
  list(field(value, 'cookies')).forEach((cookie, index) =>
    issues.push(
      ...unknownRefs(field(cookie, 'recipient'), known, 'recipient', [
        'cookies',
        index,
        'recipient',
      ]),
    ),
  );
  return [...issues, ...consistencyIssues(value).errors];
}

/**
 * Checks what a schema cannot: ids are unique, every reference names something declared, and
 * the facts agree with each other. Runs on a declaration that already passed the schema.
 */
export function checkReferences(declaration: Declaration): DeclarationIssue[] {
  return checkReferencesInParts(declaration);
}
