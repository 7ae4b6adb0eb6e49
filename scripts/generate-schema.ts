// Writes schema/declaration.schema.json from the zod schema, so vendors' editors can complete
// and check declaration files. `npm run schema:generate`; test/schema.test.ts fails when stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { declarationJsonSchema } from '../src/declaration/json-schema.ts';

const target = fileURLToPath(new URL('../schema/declaration.schema.json', import.meta.url));
writeFileSync(target, declarationJsonSchema());
console.log(`wrote ${target}`);
