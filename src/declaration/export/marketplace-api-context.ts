import { countryName, localize } from '../present/localize.ts';
import { storageOf } from '../present/stated.ts';
import type { Translator } from '../i18n/index.ts';
import type { ManifestFacts, ManifestPlace } from '../manifest/types.ts';
import type { DataCategory, Declaration, Text } from '../schema/index.ts';

/**
 * What every section of the Marketplace "Privacy and Security" payload is filled from, and the
 * way a section leaves a question open: the field, the declaration paths that would answer it,
 * and why it is open.
 */

/** Why a field of the payload is left open. */
export type OpenReason =
  /** The declaration has a field for it, and leaves it out or says not-stated. */
  | 'not-stated'
  /** The declaration format has no field that answers it. */
  | 'no-declaration-field'
  /** The declaration's answer is contradicted by the manifest; `manifest` says where. */
  | 'contradicted-by-manifest'
  /** The declaration answers it, but with a case whose value the API reference does not name. */
  | 'value-not-in-reference'
  /** The declaration does not cover the Cloud app, which the resource is about. */
  | 'cloud-not-covered';

/** A field of the payload the declaration cannot answer. */
export interface OpenQuestion {
  /** The field's path in the PUT body, e.g. `appTrustInformation.dataRetention.retentionDurationInDays.max`. */
  field: string;
  reason: OpenReason;
  /** Paths in the declaration that would answer it, e.g. `dataCategories[2].retention.period`; empty when none does. */
  answeredBy: string[];
  /** For `contradicted-by-manifest`: the manifest entries, by line, column and path. */
  manifest?: ManifestPlace[];
}

/** What a section reads, and how it leaves questions open. */
export interface ApiContext {
  declaration: Declaration;
  /** The Cloud app's End-User Data, each category as it is on Cloud. */
  eud: DataCategory[];
  /** The End-User Data that is kept (not only processed). */
  stored: DataCategory[];
  facts?: ManifestFacts;
  translator: Translator;
  /** Vendor text in the translator's language. */
  text(value: Text | undefined): string;
  country(code: string): string;
  /** A path into a category of the declaration (by its id), e.g. `dataCategories[2].residency`. */
  categoryPath(category: DataCategory, ...rest: (string | number)[]): string;
  /** The path of the retention a category has on Cloud: its own, or its Cloud platform difference's. */
  retentionPath(category: DataCategory, ...rest: string[]): string;
  /** A path into a top-level list of the declaration by an item's id, e.g. `recipients[1].countries`. */
  itemPath(
    list: 'locations' | 'recipients' | 'logs',
    id: string,
    ...rest: (string | number)[]
  ): string;
  open(field: string, reason: OpenReason, answeredBy?: string[], manifest?: ManifestPlace[]): void;
}

/** `dataCategories[2].retention`, as validation messages write paths (parse.ts, kept zod-free here). */
function formatPath(path: (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** Where a place of the manifest is, without the fact around it. */
export function manifestPlace({ line, column, path }: ManifestPlace): ManifestPlace {
  return { line, column, path };
}

/** The context for a declaration's Cloud End-User Data; `questions` collects what is left open. */
export function apiContext(
  declaration: Declaration,
  eud: DataCategory[],
  facts: ManifestFacts | undefined,
  translator: Translator,
  questions: OpenQuestion[],
): ApiContext {
  const indexOf = (list: { id: string }[], id: string) => list.findIndex((item) => item.id === id);
  const categoryPath = (category: DataCategory, ...rest: (string | number)[]) =>
    formatPath(['dataCategories', indexOf(declaration.dataCategories, category.id), ...rest]);
  return {
    declaration,
    eud,
    stored: eud.filter((category) => storageOf(category) !== 'not-stored'),
    facts,
    translator,
    text: (value) => localize(value, translator.locale),
    country: (code) => countryName(code, translator.locale),
    categoryPath,
    retentionPath: (category, ...rest) => {
      const original = declaration.dataCategories.find((c) => c.id === category.id);
      const index = (original?.platformDifferences ?? []).findIndex(
        (difference) => difference.platform === 'cloud' && difference.retention,
      );
      return index < 0
        ? categoryPath(category, 'retention', ...rest)
        : categoryPath(category, 'platformDifferences', index, 'retention', ...rest);
    },
    itemPath: (list, id, ...rest) =>
      formatPath([list, indexOf(declaration[list] ?? [], id), ...rest]),
    open: (field, reason, answeredBy = [], manifest) => {
      questions.push({
        field: `appTrustInformation.${field}`,
        reason,
        answeredBy: [...new Set(answeredBy)],
        ...(manifest?.length ? { manifest } : {}),
      });
    },
  };
}

/** A yes, no or unknown answer, before it becomes a boolean or an open question. */
export type Verdict = 'yes' | 'no' | 'not-stated';

/** Yes when any says yes, else not stated when any is not stated, else no. */
export function anyYes(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('yes')) return 'yes';
  return verdicts.includes('not-stated') ? 'not-stated' : 'no';
}

/** The boolean for a verdict; undefined (left open) when it is not stated. */
export function booleanOf(verdict: Verdict): boolean | undefined {
  return verdict === 'not-stated' ? undefined : verdict === 'yes';
}

/** The distinct names, in order. */
export function distinct(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}
