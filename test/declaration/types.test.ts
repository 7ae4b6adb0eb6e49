import { describe, expectTypeOf, it } from 'vitest';
import type {
  DataCategory,
  Declaration,
  LegalBasis,
  Platform,
  Recipient,
  Retention,
  RetentionBasis,
  StorageLocation,
  Text,
  Vendor,
} from '@declaration';
import { parseDeclaration, validateDeclarationText, type LocatedIssue } from '@declaration';

// These run under `npm run typecheck`: a schema change that alters what vendors write fails here.
describe('types inferred from the declaration schema', () => {
  it('names every retention basis in Retention["basis"]', () => {
    expectTypeOf<Retention['basis']>().toEqualTypeOf<RetentionBasis>();
    expectTypeOf<'fixed-period'>().toExtend<Retention['basis']>();
    expectTypeOf<'until-deletion-request'>().toExtend<Retention['basis']>();
    expectTypeOf<'not-stored'>().toExtend<Retention['basis']>();
    expectTypeOf<'forever'>().not.toExtend<Retention['basis']>();
  });

  it('keeps a retention period as an ISO text and optional', () => {
    expectTypeOf<Retention['period']>().toEqualTypeOf<string | undefined>();
  });

  it('lets text be plain or translated', () => {
    expectTypeOf<string>().toExtend<Text>();
    expectTypeOf<{ en: string; de: string }>().toExtend<Text>();
    expectTypeOf<number>().not.toExtend<Text>();
  });

  it('types the platforms, lawful bases and flags a vendor writes', () => {
    expectTypeOf<Platform>().toEqualTypeOf<'cloud' | 'data-center' | 'server'>();
    expectTypeOf<'legitimate-interests'>().toExtend<LegalBasis>();
    expectTypeOf<'legitimate-interest'>().not.toExtend<LegalBasis>();
    expectTypeOf<DataCategory['personal']>().toEqualTypeOf<boolean>();
    expectTypeOf<DataCategory['purposes']>().toEqualTypeOf<string[]>();
    expectTypeOf<DataCategory['retention']>().toEqualTypeOf<Retention>();
  });

  it('makes the required sections required and the vendor name optional', () => {
    expectTypeOf<Declaration['schemaVersion']>().toEqualTypeOf<1>();
    expectTypeOf<Declaration['recipients']>().toEqualTypeOf<Recipient[]>();
    expectTypeOf<Declaration['locations']>().toEqualTypeOf<StorageLocation[]>();
    expectTypeOf<Vendor['legalName']>().toEqualTypeOf<Text | undefined>();
    expectTypeOf<Recipient['kind']>().toEqualTypeOf<'subprocessor' | 'recipient'>();
  });

  it('gives the validators the result shapes the CLI and backend rely on', () => {
    const result = validateDeclarationText('schemaVersion: 1', 'declaration.yaml');
    if (result.ok) expectTypeOf(result.declaration).toEqualTypeOf<Declaration>();
    else expectTypeOf(result.issues).toEqualTypeOf<LocatedIssue[]>();
    expectTypeOf<LocatedIssue['severity']>().toEqualTypeOf<'error' | 'warning'>();
    const parsed = parseDeclaration({});
    if (parsed.ok) expectTypeOf(parsed.declaration).toEqualTypeOf<Declaration>();
    else expectTypeOf(parsed.issues[0]?.path).toEqualTypeOf<(string | number)[] | undefined>();
  });
});
