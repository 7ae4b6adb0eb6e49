import { isMapping, type AnchoredIssue } from './anchored.ts';
import { consistencyIssues } from './consistency.ts';
import { field, list, texts } from './fields.ts';
import type { SyntaxProblem } from './syntax.ts';

/**
 * The first line of the starting declaration `privacy-disclosure init` writes. While a file
 * starts with it, it is init's starting point, not yet the vendor's statement.
 */
export const STARTING_DECLARATION_MARKER =
  '# privacy-disclosure init: starting declaration. Delete this line once every fact below is true for your app.';

// The marker's words up to its first full stop: a vendor who edits the rest still gets the warning.
const STARTING_DECLARATION_WORDS = STARTING_DECLARATION_MARKER.slice(
  0,
  STARTING_DECLARATION_MARKER.indexOf('.'),
);

/**
 * A warning at line 1 while the file (without its byte order mark) still starts with init's
 * marker line: `validate`, `build` and the preview all say so, from here.
 */
export function startingDeclarationWarnings(text: string): SyntaxProblem[] {
  if (!text.startsWith(STARTING_DECLARATION_WORDS)) return [];
  return [
    {
      line: 1,
      column: 1,
      message:
        "this is still init's starting declaration; make it true for your app and delete its first line before you deploy",
    },
  ];
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The ids at `key` (a list of ids or one id) of every item in `items`. */
function idsAt(items: unknown, key: string): string[] {
  return list(items).flatMap((item) => {
    const refs = field(item, key);
    return Array.isArray(refs) ? texts(refs) : typeof refs === 'string' ? [refs] : [];
  });
}

/** Locations named in a retention's backups. */
function backupLocations(records: unknown): string[] {
  return list(records).flatMap((record) =>
    texts(field(field(field(record, 'retention'), 'backups'), 'storedIn')),
  );
}

/**
 * Every location something refers to: a category (also per platform and for its backups), a
 * location's backups, a placement rule, a log.
 */
function referencedLocations(value: Record<string, unknown>): Set<string> {
  const categories = value.dataCategories;
  const differences = list(categories).flatMap((category) =>
    list(field(category, 'platformDifferences')),
  );
  const placement = value.placement;
  return new Set([
    ...idsAt(categories, 'storedIn'),
    ...backupLocations(categories),
    ...idsAt(differences, 'storedIn'),
    ...backupLocations(differences),
    ...list(value.locations).flatMap((location) => idsAt([field(location, 'backups')], 'location')),
    ...idsAt(
      list(placement).flatMap((rule) => list(field(rule, 'realms'))),
      'location',
    ),
    ...idsAt(placement, 'unpinned'),
    ...idsAt(placement, 'locations'),
    ...idsAt(value.logs, 'storedIn'),
    ...backupLocations(value.logs),
  ]);
}

function unreferenced(
  list: unknown,
  listName: string,
  noun: string,
  used: Set<string>,
  referrers = 'no data category',
): AnchoredIssue[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    const id = isMapping(item) ? item.id : undefined;
    if (typeof id !== 'string' || used.has(id)) return [];
    return [
      {
        path: [listName, index, 'id'],
        anchor: 'value' as const,
        message: `${noun} "${id}" is declared but ${referrers} refers to it; refer to it or remove it`,
      },
    ];
  });
}

/**
 * Things that are allowed but that a reader will miss: an unnamed vendor, nowhere to send privacy
 * requests, purposes, locations or recipients that nothing refers to, and facts that read as
 * contradicting each other without being wrong (see consistency.ts). They never fail validation.
 */
export function declarationWarnings(value: unknown): AnchoredIssue[] {
  if (!isMapping(value)) return [];
  const warnings: AnchoredIssue[] = [];
  const vendor = isMapping(value.vendor) ? value.vendor : undefined;
  const rights = isMapping(value.rights) ? value.rights : undefined;
  // A vendor whose policy never names it can say so in vendor.notes; that is the honest answer,
  // so the warning is only for a name that is simply missing.
  const explained = vendor && Array.isArray(vendor.notes) && vendor.notes.length > 0;
  if (vendor && !present(vendor.legalName) && !present(vendor.tradingName) && !explained) {
    warnings.push({
      path: ['vendor'],
      anchor: 'key',
      message:
        'the vendor is not named: add legalName or tradingName, or say in vendor.notes why the policy does not name it',
    });
  }
  const officer = vendor && isMapping(vendor.privacyOfficer) ? vendor.privacyOfficer : undefined;
  const contacts = [vendor?.privacyContact, rights?.contact, officer?.email, officer?.url];
  if (vendor && !contacts.some(present)) {
    warnings.push({
      path: ['vendor'],
      anchor: 'key',
      message:
        'no privacy contact: add vendor.privacyContact, rights.contact or a vendor.privacyOfficer with an email or url, so people know where to send privacy requests',
    });
  }
  const categories = value.dataCategories;
  if (Array.isArray(categories)) {
    warnings.push(
      ...unreferenced(
        value.purposes,
        'purposes',
        'purpose',
        new Set(idsAt(categories, 'purposes')),
      ),
    );
    warnings.push(
      ...unreferenced(
        value.locations,
        'locations',
        'location',
        referencedLocations(value),
        'no data category, log, placement rule or backup',
      ),
    );
    const recipients = new Set([
      ...idsAt(categories, 'recipients'),
      ...idsAt(
        categories.map((category) => field(category, 'handling')),
        'storedOnlyBy',
      ),
      ...idsAt(value.cookies, 'recipient'),
    ]);
    warnings.push(
      ...unreferenced(
        value.recipients,
        'recipients',
        'recipient',
        recipients,
        'no data category or cookie',
      ),
    );
  }
  warnings.push(
    ...consistencyIssues(value).warnings.map((issue) => ({ ...issue, anchor: 'value' as const })),
  );
  return warnings;
}
