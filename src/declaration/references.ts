import type { Declaration } from './schema/index.ts';

/** A problem found in a declaration, at a path into the document. */
export interface DeclarationIssue {
  /** Path from the document root, e.g. ["dataCategories", 2, "purposes", 0]. */
  path: (string | number)[];
  /** Plain-language description of what is wrong and how to fix it. */
  message: string;
}

function duplicates(items: { id: string }[], listName: string): DeclarationIssue[] {
  const seen = new Map<string, number>();
  const issues: DeclarationIssue[] = [];
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, index);
    } else {
      issues.push({
        path: [listName, index, 'id'],
        message: `duplicate id "${item.id}": ${listName}[${first}] already uses it`,
      });
    }
  });
  return issues;
}

function unknownRefs(
  refs: string[] | undefined,
  known: Set<string>,
  basePath: (string | number)[],
  listName: string,
): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  (refs ?? []).forEach((ref, index) => {
    if (!known.has(ref)) {
      const choices = [...known].map((id) => `"${id}"`).join(', ') || 'none are declared';
      issues.push({
        path: [...basePath, index],
        message: `unknown ${listName} id "${ref}"; declared ${listName} ids: ${choices}`,
      });
    }
  });
  return issues;
}

/**
 * Checks what a schema cannot: ids are unique, and every reference names something declared.
 * Runs on a declaration that already passed the schema.
 */
export function checkReferences(declaration: Declaration): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [
    ...duplicates(declaration.purposes, 'purposes'),
    ...duplicates(declaration.dataCategories, 'dataCategories'),
    ...duplicates(declaration.locations, 'locations'),
    ...duplicates(declaration.recipients, 'recipients'),
  ];
  const purposes = new Set(declaration.purposes.map((purpose) => purpose.id));
  const locations = new Set(declaration.locations.map((location) => location.id));
  const recipients = new Set(declaration.recipients.map((recipient) => recipient.id));
  declaration.dataCategories.forEach((category, index) => {
    const at = ['dataCategories', index];
    issues.push(...unknownRefs(category.purposes, purposes, [...at, 'purposes'], 'purpose'));
    issues.push(...unknownRefs(category.storedIn, locations, [...at, 'storedIn'], 'location'));
    issues.push(
      ...unknownRefs(category.recipients, recipients, [...at, 'recipients'], 'recipient'),
    );
    if (category.retention.basis === 'not-stored' && (category.storedIn?.length ?? 0) > 0) {
      issues.push({
        path: [...at, 'storedIn'],
        message: 'retention says "not-stored" but storedIn names locations; remove one of them',
      });
    }
  });
  (declaration.cookies ?? []).forEach((cookie, index) => {
    if (cookie.recipient !== undefined) {
      issues.push(
        ...unknownRefs(
          [cookie.recipient],
          recipients,
          ['cookies', index, 'recipient'],
          'recipient',
        ).map((issue) => ({ ...issue, path: ['cookies', index, 'recipient'] })),
      );
    }
  });
  return issues;
}
