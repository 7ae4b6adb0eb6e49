import { z } from 'zod';
import { Id, Notes, Text } from './primitives.ts';

/** The six lawful bases for processing in GDPR Art. 6(1), plus not-stated. */
export const LegalBasis = z
  .enum([
    'consent',
    'contract',
    'legal-obligation',
    'vital-interests',
    'public-task',
    'legitimate-interests',
    'not-stated',
  ])
  .describe(
    'A lawful basis under GDPR Art. 6(1): consent (a), contract (b), legal-obligation (c), vital-interests (d), public-task (e), legitimate-interests (f); or not-stated.',
  );

/** Why data is processed. Data categories refer to purposes by id. */
export const Purpose = z
  .strictObject({
    id: Id,
    name: Text.describe('A short name, e.g. "Provide the service".'),
    description: Text.optional().describe("What the data is used for, in the policy's words."),
    legalBasis: z
      .array(LegalBasis)
      .optional()
      .describe('The lawful bases the vendor relies on for this purpose.'),
    legalBasisNote: Text.optional().describe(
      'How the policy words the legal basis, e.g. which interest is pursued.',
    ),
    notes: Notes.optional(),
  })
  .describe('A reason the vendor processes data.');
