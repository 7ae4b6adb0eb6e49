/**
 * The declarations the bench renders, made from the examples' own entries so that their texts,
 * references and shapes are those of real policies: the largest example as it is, that example
 * grown to many data categories and subprocessors, and a history of versions ending with it.
 */
import type { DataCategory, Declaration, Recipient, Text } from '../src/declaration/index.ts';

/** A text's English, lower-cased: what tells two names apart. */
function nameKey(text: Text): string {
  return (typeof text === 'string' ? text : text.en!).toLowerCase();
}

/** The text with `suffix` after it, in every language it is written in. */
function withSuffix(text: Text, suffix: string): Text {
  if (typeof text === 'string') return `${text}${suffix}`;
  return Object.fromEntries(
    Object.entries(text).map(([locale, words]) => [locale, `${words}${suffix}`]),
  );
}

/** A file and its size, for {@link largestBySize}. */
export interface SizedFile {
  name: string;
  bytes: number;
}

/** The largest file by bytes; of equal sizes, the first by name, so the choice is stable. */
export function largestBySize(files: readonly SizedFile[]): SizedFile {
  const [largest] = [...files].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  if (!largest) throw new Error('There is no example declaration to measure.');
  return largest;
}

/**
 * Every subprocessor of the given declarations, each name once (the first one met), in their
 * order: the pool a grown declaration draws its extra subprocessors from.
 */
export function subprocessorPool(declarations: readonly Declaration[]): Recipient[] {
  const seen = new Set<string>();
  return declarations.flatMap((declaration) =>
    declaration.recipients.filter((recipient) => {
      const name = nameKey(recipient.name);
      if (recipient.kind !== 'subprocessor' || seen.has(name)) return false;
      seen.add(name);
      return true;
    }),
  );
}

/** Gives out ids not taken yet: the id itself, else the id with "-2", "-3", ... */
function idMaker(taken: Iterable<string>): (id: string) => string {
  const used = new Set(taken);
  return (id) => {
    let candidate = id;
    for (let copy = 2; used.has(candidate); copy += 1) candidate = `${id}-${copy}`;
    used.add(candidate);
    return candidate;
  };
}

/** How large to grow a declaration. */
export interface GrowthTarget {
  dataCategories: number;
  subprocessors: number;
}

/**
 * The base declaration grown to `target` data categories and subprocessors. Its own entries come
 * first, unchanged. The extra subprocessors are the pool's (other examples' real ones), each
 * under a fresh id, and named again with a number when the pool has been used up. The extra
 * categories are the base's own, copied under fresh ids and numbered names, so each keeps
 * references that resolve; each copy also names one of the extra subprocessors as a recipient,
 * as a real declaration's categories name the services that receive them.
 */
export function grownDeclaration(
  base: Declaration,
  pool: readonly Recipient[],
  target: GrowthTarget,
): Declaration {
  const categories = base.dataCategories;
  if (categories.length === 0)
    throw new Error('The base declaration has no data category to grow from.');
  const ownSubprocessors = base.recipients.filter((r) => r.kind === 'subprocessor').length;
  const missingSubprocessors = Math.max(0, target.subprocessors - ownSubprocessors);
  const taken = new Set(base.recipients.map((own) => nameKey(own.name)));
  const candidates = pool.filter((candidate) => !taken.has(nameKey(candidate.name)));
  if (missingSubprocessors > 0 && candidates.length === 0)
    throw new Error('The pool has no subprocessor the base declaration does not already have.');

  const recipientId = idMaker(base.recipients.map((recipient) => recipient.id));
  const extraSubprocessors = Array.from({ length: missingSubprocessors }, (_, index) => {
    const source = candidates[index % candidates.length]!;
    const round = Math.floor(index / candidates.length);
    return {
      ...source,
      id: recipientId(source.id),
      name: round === 0 ? source.name : withSuffix(source.name, ` (${round + 1})`),
    } satisfies Recipient;
  });

  const categoryId = idMaker(categories.map((category) => category.id));
  const missingCategories = Math.max(0, target.dataCategories - categories.length);
  const extraCategories = Array.from({ length: missingCategories }, (_, index) => {
    const source = categories[index % categories.length]!;
    const copy = Math.floor(index / categories.length) + 2;
    const receiver = extraSubprocessors[index % Math.max(1, extraSubprocessors.length)];
    return {
      ...source,
      id: categoryId(source.id),
      name: withSuffix(source.name, ` (${copy})`),
      recipients: [...(source.recipients ?? []), ...(receiver ? [receiver.id] : [])],
    } satisfies DataCategory;
  });

  return {
    ...base,
    dataCategories: [...categories, ...extraCategories],
    recipients: [...base.recipients, ...extraSubprocessors],
  };
}

/** The ISO date `days` before `date` (YYYY-MM-DD). */
function daysBefore(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`"${date}" is not a date written YYYY-MM-DD.`);
  return new Date(time - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `count` versions of a declaration, oldest first, the last being `current` itself: a vendor
 * that revised its policy every week. Each earlier version is dated a week before the next (its
 * policy version is that date), words one data category's description as it was then, and every
 * fourth one also lists a subprocessor of the pool that a later version dropped. So each version
 * differs from the one before, some of them materially.
 */
export function versionHistory(
  current: Declaration,
  pool: readonly Recipient[],
  count: number,
): Declaration[] {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`A history needs at least one version, not ${count}.`);
  const categories = current.dataCategories;
  const recipientId = idMaker(current.recipients.map((recipient) => recipient.id));
  const taken = new Set(current.recipients.map((recipient) => nameKey(recipient.name)));
  const former = pool.filter((candidate) => !taken.has(nameKey(candidate.name)));
  return Array.from({ length: count }, (_, index) => {
    const version = index + 1;
    if (version === count) return current;
    const date = daysBefore(current.policy.lastUpdated, 7 * (count - version));
    const reworded = index % Math.max(1, categories.length);
    const dropped =
      version % 4 === 0 ? former[(version / 4) % Math.max(1, former.length)] : undefined;
    return {
      ...current,
      policy: { ...current.policy, version: date, lastUpdated: date },
      dataCategories: categories.map((category, position) =>
        position === reworded
          ? {
              ...category,
              description: category.description
                ? withSuffix(category.description, ` (Wording of ${date}.)`)
                : `Wording of ${date}.`,
            }
          : category,
      ),
      recipients: dropped
        ? [...current.recipients, { ...dropped, id: recipientId(`former-${dropped.id}`) }]
        : current.recipients,
    };
  });
}
