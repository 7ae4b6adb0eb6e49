import { z } from 'zod';
import { Declaration } from './schema/index.ts';

/** The JSON Schema (draft 2020-12) of the declaration format, as committed in schema/. */
export function declarationJsonSchema(): string {
  const schema = z.toJSONSchema(Declaration, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    reused: 'ref',
  });
  const document = {
    $id: 'https://privacy-disclosure.dev/schema/declaration.schema.json',
    title: 'Privacy Disclosure declaration',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
