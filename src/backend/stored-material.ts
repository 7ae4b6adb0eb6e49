import { z } from 'zod';
import type { DiffSection, MaterialChange, MaterialChanges } from '../declaration/api.ts';
import { PeriodBound, Recipient, RetentionBasis, Text } from '../declaration/schema/index.ts';
import { CountryCode, IsoDuration } from '../declaration/schema/primitives.ts';

/**
 * The material changes a version record keeps (`material` in `meta:<v>`): computed once, when the
 * version is published, against the version served before it, so the history can say which
 * versions changed something that matters without loading two declarations. The schema follows
 * {@link MaterialChange} kind by kind; names are checked with the declaration's own Text.
 */

/** Every section a diff reports on: what a change's link may point at. */
const DIFF_SECTIONS = [
  'vendor',
  'app',
  'policy',
  'purposes',
  'dataCategories',
  'retention',
  'locations',
  'placement',
  'recipients',
  'logs',
  'cookies',
  'notCollected',
  'commitments',
  'transfers',
  'rights',
  'security',
  'vendorAccess',
  'sections',
  'summary',
  'manifest',
] as const satisfies readonly DiffSection[];

// The list names every DiffSection: a section added to the contract fails to compile here.
type MissingSection = Exclude<DiffSection, (typeof DIFF_SECTIONS)[number]>;
const everySectionListed: [MissingSection] extends [never] ? true : MissingSection = true;
void everySectionListed;

/** The most changes one version keeps: more than any real upgrade, few enough to fit a record. */
export const MAX_MATERIAL_CHANGES = 500;

/** Where the change's detail is in "What changed", or null when no diff entry holds it. */
const Ref = z
  .strictObject({ section: z.enum(DIFF_SECTIONS), key: z.string().min(1).max(500) })
  .nullable();

const Span = z.strictObject({
  basis: RetentionBasis,
  period: IsoDuration.nullable(),
  bound: PeriodBound.optional(),
});

/** One {@link MaterialChange} as stored. */
export const StoredMaterialChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('country'),
    change: z.enum(['added', 'removed']),
    country: CountryCode,
    role: z.enum(['stored', 'backup', 'transfer']),
    ref: Ref,
  }),
  z.strictObject({
    kind: z.literal('hosting'),
    change: z.enum(['added', 'removed', 'changed']),
    location: Text,
    provider: z.strictObject({ before: Text.nullable(), after: Text.nullable() }),
    ref: Ref,
  }),
  z.strictObject({
    kind: z.literal('recipient'),
    change: z.enum(['added', 'removed']),
    recipientKind: Recipient.shape.kind,
    name: Text,
    ref: Ref,
  }),
  z.strictObject({
    kind: z.literal('personal-data'),
    change: z.enum(['added', 'now-personal', 'now-sensitive']),
    name: Text,
    sensitive: z.boolean(),
    ref: Ref,
  }),
  z.strictObject({
    kind: z.literal('retention'),
    change: z.enum(['longer', 'shorter']),
    name: Text,
    before: Span,
    after: Span,
    ref: Ref,
  }),
  z.strictObject({
    kind: z.literal('residency'),
    change: z.enum(['gained', 'lost']),
    name: Text.nullable(),
    ref: Ref,
  }),
  z.strictObject({
    kind: z.literal('egress'),
    change: z.enum(['added', 'removed']),
    target: z.string().min(1).max(500),
    remote: z.boolean(),
    ref: Ref,
  }),
  z.strictObject({ kind: z.literal('rights'), ref: Ref }),
  z.strictObject({ kind: z.literal('contacts'), ref: Ref }),
]) satisfies z.ZodType<MaterialChange>;

// Every kind of the contract has its schema: a kind added to MaterialChange fails to compile here.
type UnstoredKind = Exclude<MaterialChange['kind'], z.infer<typeof StoredMaterialChange>['kind']>;
const everyKindStored: [UnstoredKind] extends [never] ? true : UnstoredKind = true;
void everyKindStored;

/** Validates {@link MaterialChanges}: the version compared with, and what changed since it. */
export const StoredMaterialChanges = z.strictObject({
  from: z.number().int().min(1),
  changes: z.array(StoredMaterialChange).max(MAX_MATERIAL_CHANGES),
}) satisfies z.ZodType<MaterialChanges>;
