import { describe, expectTypeOf, it } from 'vitest';
import type {
  AccessGrant,
  DataCategory,
  DataForm,
  Declaration,
  LegalBasis,
  Log,
  PeriodBound,
  PersonalStatus,
  PlacementRule,
  Platform,
  Recipient,
  Retention,
  RetentionBasis,
  RetentionTrigger,
  Rights,
  RightsRegime,
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
    expectTypeOf<DataCategory['personal']>().toEqualTypeOf<PersonalStatus>();
    expectTypeOf<DataCategory['sensitive']>().toEqualTypeOf<
      'yes' | 'no' | 'may-contain' | 'not-stated'
    >();
    expectTypeOf<boolean>().not.toExtend<DataCategory['personal']>();
    expectTypeOf<DataCategory['purposes']>().toEqualTypeOf<string[]>();
    expectTypeOf<DataCategory['retention']>().toEqualTypeOf<Retention>();
  });

  it('makes the required sections required and the vendor name optional', () => {
    expectTypeOf<Declaration['schemaVersion']>().toEqualTypeOf<2>();
    expectTypeOf<Declaration['placement']>().toEqualTypeOf<PlacementRule[] | undefined>();
    expectTypeOf<Declaration['logs']>().toEqualTypeOf<Log[] | undefined>();
    expectTypeOf<Declaration['recipients']>().toEqualTypeOf<Recipient[]>();
    expectTypeOf<Declaration['locations']>().toEqualTypeOf<StorageLocation[]>();
    expectTypeOf<Vendor['legalName']>().toEqualTypeOf<Text | undefined>();
    expectTypeOf<Recipient['kind']>().toEqualTypeOf<'subprocessor' | 'recipient'>();
  });

  it('lets silence be said: not-stated where version 1 forced a guess', () => {
    expectTypeOf<'not-stated'>().toExtend<RetentionTrigger>();
    expectTypeOf<'not-stated'>().toExtend<LegalBasis>();
    expectTypeOf<Rights['regimes']>().toEqualTypeOf<'not-stated' | RightsRegime[]>();
    expectTypeOf<Rights['howToExercise']>().toEqualTypeOf<Text | undefined>();
    expectTypeOf<Retention['bound']>().toEqualTypeOf<PeriodBound | undefined>();
    expectTypeOf<PeriodBound>().toEqualTypeOf<'at-most' | 'at-least' | 'exactly' | 'about'>();
  });

  it('types the new records by their ids and values', () => {
    expectTypeOf<AccessGrant['categories']>().toEqualTypeOf<'all' | string[]>();
    expectTypeOf<AccessGrant['access']>().toEqualTypeOf<'none' | 'read' | 'write' | 'not-stated'>();
    expectTypeOf<Log['endUserData']>().toEqualTypeOf<PersonalStatus>();
    expectTypeOf<Log['storedIn']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<NonNullable<DataCategory['handling']>['storedOnlyBy']>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<'hashed'>().toExtend<DataForm>();
    expectTypeOf<DataCategory['residency']>().toEqualTypeOf<
      'in-scope' | 'global' | 'excluded' | 'not-stated' | undefined
    >();
    expectTypeOf<PlacementRule['rule']>().toEqualTypeOf<
      'pinned-realm' | 'nearest-to-user' | 'fixed' | 'not-stated'
    >();
    expectTypeOf<NonNullable<StorageLocation['backups']>['copies']>().toEqualTypeOf<
      number | undefined
    >();
  });

  it('gives the validators the result shapes the CLI and backend rely on', () => {
    const result = validateDeclarationText('schemaVersion: 2', 'declaration.yaml');
    if (result.ok) expectTypeOf(result.declaration).toEqualTypeOf<Declaration>();
    else expectTypeOf(result.issues).toEqualTypeOf<LocatedIssue[]>();
    expectTypeOf<LocatedIssue['severity']>().toEqualTypeOf<'error' | 'warning'>();
    const parsed = parseDeclaration({});
    if (parsed.ok) expectTypeOf(parsed.declaration).toEqualTypeOf<Declaration>();
    else expectTypeOf(parsed.issues[0]?.path).toEqualTypeOf<(string | number)[] | undefined>();
  });
});
