import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, Declaration } from '@declaration';
import {
  DPV,
  DPV_CONTEXT,
  DPV_MAPPINGS,
  DPV_UNMAPPED_PATHS,
  allDpvTerms,
  dpvTerms,
} from '@declaration/export/dpv-terms.ts';
import { DPV_PUBLISHED_PREFIXES, DPV_PUBLISHED_TERMS, DPV_TERMS_SOURCE } from './dpv-fixture.ts';

/** A zod 4 schema's definition, as far as the walk needs it. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  entries?: Record<string, string>;
}

/** Every enum of the declaration format, by schema path (`[]` for list items), with its values. */
function enumsOf(def: Def, path: string, found: Map<string, string[]>): Map<string, string[]> {
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        enumsOf(field._zod.def, path ? `${path}.${key}` : key, found);
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      enumsOf(def.innerType!._zod.def, path, found);
      break;
    case 'array':
      enumsOf(def.element!._zod.def, `${path}[]`, found);
      break;
    case 'union':
      for (const option of def.options ?? []) enumsOf(option._zod.def, path, found);
      break;
    case 'enum':
      found.set(path, Object.values(def.entries ?? {}));
      break;
  }
  return found;
}

const ENUMS = enumsOf((Declaration as unknown as { _zod: { def: Def } })._zod.def, '', new Map());
const MAPPINGS = Object.entries(DPV_MAPPINGS) as [
  string,
  { paths: readonly string[]; terms: Record<string, readonly string[]>; fallback?: string },
][];

describe('the DPV mapping table', () => {
  it('finds the enums of the declaration format (the walk reaches nested lists and unions)', () => {
    expect(ENUMS.get('purposes[].legalBasis[]')).toContain('legitimate-interests');
    expect(ENUMS.get('dataCategories[].handling.forms[]')).toContain('pseudonymised');
    expect(ENUMS.get('rights.regimes[].rights[].right')).toContain('portability');
    expect(ENUMS.get('logs[].retention.backups.afterDeletion.bound')).toContain('at-least');
    expect(ENUMS.size).toBeGreaterThan(60);
  });

  it('maps or deliberately leaves unmapped every enum of the schema', () => {
    const mapped = new Set(MAPPINGS.flatMap(([, mapping]) => mapping.paths));
    const unmapped = new Set(DPV_UNMAPPED_PATHS);
    const neither = [...ENUMS.keys()].filter((path) => !mapped.has(path) && !unmapped.has(path));
    expect(neither, 'add these to DPV_MAPPINGS or DPV_UNMAPPED_PATHS').toEqual([]);
    const both = [...mapped].filter((path) => unmapped.has(path));
    expect(both).toEqual([]);
  });

  it('names every value of each mapped enum, with a term or as deliberately without one', () => {
    const wrong = MAPPINGS.flatMap(([name, mapping]) =>
      mapping.paths.flatMap((path) => {
        const values = ENUMS.get(path);
        if (!values) return [`${name}: ${path} is not an enum of the schema`];
        const listed = Object.keys(mapping.terms);
        return [
          ...values.filter((value) => !listed.includes(value)).map((v) => `${name}: ${v} missing`),
          ...listed.filter((value) => !values.includes(value)).map((v) => `${name}: ${v} extra`),
        ];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('lists no path as unmapped that the schema does not have', () => {
    expect(DPV_UNMAPPED_PATHS.filter((path) => !ENUMS.has(path))).toEqual([]);
  });

  it('uses only terms DPV 2.3 publishes and has not sunset, as read from w3c/dpv', () => {
    expect(DPV_TERMS_SOURCE).toMatch(/github\.com\/w3c\/dpv at commit [0-9a-f]{40}/);
    expect(DPV_PUBLISHED_TERMS.size).toBeGreaterThan(1500);
    expect(DPV_PUBLISHED_TERMS.has('dpv:PersonalDataHandling')).toBe(false);
    const unknown = [...allDpvTerms()].filter((term) => !DPV_PUBLISHED_TERMS.has(term));
    expect(unknown).toEqual([]);
  });

  it('writes DPV 2 namespaces as DPV publishes them', () => {
    for (const [prefix, namespace] of Object.entries(DPV_PUBLISHED_PREFIXES)) {
      expect(DPV_CONTEXT[prefix as keyof typeof DPV_CONTEXT], prefix).toBe(namespace);
    }
    expect(Object.keys(DPV_PUBLISHED_PREFIXES)).toEqual(['dpv', 'pd', 'loc', 'eu-gdpr']);
  });

  it("maps the GDPR's six lawful bases to Art. 6(1)(a) to (f) of DPV's GDPR extension", () => {
    expect(
      ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task'].map((basis) =>
        dpvTerms('legalBasis', basis as 'consent'),
      ),
    ).toEqual([
      ['eu-gdpr:A6-1-a'],
      ['eu-gdpr:A6-1-b'],
      ['eu-gdpr:A6-1-c'],
      ['eu-gdpr:A6-1-d'],
      ['eu-gdpr:A6-1-e'],
    ]);
    expect(dpvTerms('legalBasis', 'legitimate-interests')).toEqual(['eu-gdpr:A6-1-f']);
    expect(dpvTerms('legalBasis', 'not-stated')).toEqual([]);
  });

  it('maps the GDPR rights to their articles and leaves the CCPA-only ones without a term', () => {
    expect(dpvTerms('gdprRight', 'access')).toEqual(['eu-gdpr:A15']);
    expect(dpvTerms('gdprRight', 'erasure')).toEqual(['eu-gdpr:A17']);
    expect(dpvTerms('gdprRight', 'portability')).toEqual(['eu-gdpr:A20']);
    expect(dpvTerms('gdprRight', 'withdraw-consent')).toEqual(['eu-gdpr:A7-3']);
    expect(dpvTerms('gdprRight', 'opt-out-of-sale')).toEqual([]);
  });

  it("names every country of the format in DPV's locations extension", () => {
    expect(COUNTRY_CODES.filter((code) => !DPV_PUBLISHED_TERMS.has(`loc:${code}`))).toEqual([]);
    expect(dpvTerms('country', 'DE')).toEqual(['loc:DE']);
  });

  it('types data, recipients and measures with the DPV classes the issue names', () => {
    expect(dpvTerms('recipientKind', 'subprocessor')).toEqual(['dpv:DataProcessor']);
    expect(dpvTerms('recipientKind', 'recipient')).toContain('dpv:ThirdParty');
    expect(dpvTerms('encryptionAtRest', 'yes')).toEqual(['dpv:EncryptionAtRest']);
    expect(dpvTerms('encryptionInTransit', 'yes')).toEqual(['dpv:EncryptionInTransfer']);
    expect(dpvTerms('encryptionAtRest', 'not-stated')).toEqual([]);
    expect(dpvTerms('dataFormMeasure', 'pseudonymised')).toEqual(['dpv:Pseudonymisation']);
    expect(dpvTerms('sensitive', 'yes')).toEqual(['dpv:SensitivePersonalData']);
    expect(dpvTerms('dataSubject', 'end-users')).toEqual(['dpv:User']);
    expect(DPV.Process).toBe('dpv:Process');
  });

  it('gives every enum whose values may lack a term a DPV class to describe them with', () => {
    const withoutFallback = MAPPINGS.filter(
      ([name, mapping]) =>
        mapping.fallback === undefined &&
        Object.values(mapping.terms).some((terms) => terms.length === 0) &&
        !['sensitive', 'dataFormType', 'dataFormProcessing', 'dataFormMeasure'].includes(name) &&
        !name.startsWith('encryption'),
    ).map(([name]) => name);
    expect(withoutFallback).toEqual([]);
  });
});
