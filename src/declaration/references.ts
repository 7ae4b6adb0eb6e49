import type { Declaration } from './schema/index.ts';

/** A problem found in a declaration, at a path into the document. */
export interface DeclarationIssue {
  /** Path from the document root, e.g. ["dataCategories", 2, "purposes", 0]. */
  path: (string | number)[];
  /** Plain-language description of what is wrong and how to fix it. */
  message: string;
}

type Lists = Record<'purposes' | 'dataCategories' | 'locations' | 'recipients', unknown>;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The ids declared in a list, or undefined when the list is not yet well-formed (not a list, or
 * an entry without a text id): checking references against half a list would report references
 * to the broken entries as unknown, on top of the schema error that already explains it.
 */
function declaredIds(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const ids = list.map((item) => field(item, 'id'));
  return ids.every((id): id is string => typeof id === 'string') ? ids : undefined;
}

function duplicates(list: unknown, listName: string): DeclarationIssue[] {
  const seen = new Map<string, number>();
  const issues: DeclarationIssue[] = [];
  (Array.isArray(list) ? list : []).forEach((item, index) => {
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

function unknownRefs(
  refs: unknown,
  known: string[] | undefined,
  basePath: (string | number)[],
  kind: string,
): DeclarationIssue[] {
  if (known === undefined || !Array.isArray(refs)) return [];
  const choices = known.map((id) => `"${id}"`).join(', ') || 'none are declared';
  const issues: DeclarationIssue[] = [];
  refs.forEach((ref, index) => {
    if (typeof ref === 'string' && !known.includes(ref)) {
      issues.push({
        path: [...basePath, index],
        message: `unknown ${kind} id "${ref}"; declared ${kind} ids: ${choices}`,
      });
    }
  });
  return issues;
}

/**
 * Checks what a schema cannot: ids are unique, and every reference names something declared.
 * Works on any parsed value, not only one that passed the schema: it checks the parts that are
 * well-formed and skips the rest, so reference errors can be reported together with schema errors.
 */
export function checkReferencesInParts(value: unknown): DeclarationIssue[] {
  const lists: Lists = {
    purposes: field(value, 'purposes'),
    dataCategories: field(value, 'dataCategories'),
    locations: field(value, 'locations'),
    recipients: field(value, 'recipients'),
  };
  const issues: DeclarationIssue[] = (Object.keys(lists) as (keyof Lists)[]).flatMap((name) =>
    duplicates(lists[name], name),
  );
  const purposes = declaredIds(lists.purposes);
  const locations = declaredIds(lists.locations);
  const recipients = declaredIds(lists.recipients);
  const categories = Array.isArray(lists.dataCategories) ? lists.dataCategories : [];
  categories.forEach((category, index) => {
    const at = ['dataCategories', index];
    issues.push(
      ...unknownRefs(field(category, 'purposes'), purposes, [...at, 'purposes'], 'purpose'),
    );
    issues.push(
      ...unknownRefs(field(category, 'storedIn'), locations, [...at, 'storedIn'], 'location'),
    );
    issues.push(
      ...unknownRefs(field(category, 'recipients'), recipients, [...at, 'recipients'], 'recipient'),
    );
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
  });
  const cookies = field(value, 'cookies');
  (Array.isArray(cookies) ? cookies : []).forEach((cookie, index) => {
    const recipient = field(cookie, 'recipient');
    if (recipient === undefined) return;
    issues.push(
      ...unknownRefs([recipient], recipients, ['cookies', index, 'recipient'], 'recipient').map(
        (issue) => ({ ...issue, path: ['cookies', index, 'recipient'] }),
      ),
    );
  });
  return issues;
}

/**
 * Checks what a schema cannot: ids are unique, and every reference names something declared.
 * Runs on a declaration that already passed the schema.
 */
export function checkReferences(declaration: Declaration): DeclarationIssue[] {
  return checkReferencesInParts(declaration);
}
