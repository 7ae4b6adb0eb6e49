/**
 * The handler file init adds to a vendor's app (`src/privacy-disclosure.ts` or `.js`): the three
 * Forge functions of the disclosure, over the package's backend and the module `build` writes.
 * The vendor owns it once written: init never writes it again. Pure.
 */
import { HANDLER_MODULE, PERSONAL_DATA_EXPORT } from './manifest/disclosure-parts.ts';

/** The first line of the handler file, by which init knows the file is its own. */
export const HANDLER_MARKER = '// Added by `privacy-disclosure init`:';

/** The module `build` writes beside the handler, without its extension. */
export const GENERATED_MODULE = `${HANDLER_MODULE}.generated`;

/** The handler file's text; TypeScript and JavaScript read the same. */
export function handlerFile(): string {
  // Extensionless imports: Forge's bundler (webpack) resolves them in .ts and .js apps alike.
  return `${HANDLER_MARKER} the Privacy Disclosure's Forge functions, named in
// manifest.yml as ${HANDLER_MODULE}.handler (the resolver of its pages),
// ${HANDLER_MODULE}.lifecycle (publishes the declaration on install and upgrade) and
// ${HANDLER_MODULE}.${PERSONAL_DATA_EXPORT} (the weekly personal data report).
// ./${GENERATED_MODULE} is written by \`npm run privacy-disclosure:build\` from
// privacy/declaration.yaml and manifest.yml (its facts and the disclosure's admin pages): edit
// those, not it.
import { createDisclosureBackend, createPersonalDataReport } from 'privacy-disclosure/backend';
import { ADMIN_MODULE_KEYS, APP_VERSION, DECLARATION, MANIFEST_FACTS } from './${GENERATED_MODULE}';

const disclosure = createDisclosureBackend({
  declaration: DECLARATION,
  // What manifest.yml shows, as build checked the declaration against it: shown on the page.
  manifestFacts: MANIFEST_FACTS,
  // Reviews are recorded only from these pages, after the backend checks that the user is an
  // administrator of the product.
  adminModuleKeys: ADMIN_MODULE_KEYS,
  fallbackAppVersion: APP_VERSION,
  // Every storage key it writes starts with "privacy-disclosure:", so it never touches yours.
});

// The account ids in reviews, reported to Atlassian under the same storage keys as the backend's.
const reportPersonalData = createPersonalDataReport({ keyPrefix: disclosure.keyPrefix });

/** The resolver of the disclosure's pages. */
export const handler = disclosure.handler;

/** Publishes the bundled declaration when the app is installed or upgraded. */
export const lifecycle = disclosure.lifecycle;

/**
 * The weekly scheduledTrigger: reports the account ids in reviews to Atlassian and erases them
 * from the reviews of accounts Atlassian reports closed. A failure throws (its log names no
 * account id) and next week's run reports again.
 */
export async function ${PERSONAL_DATA_EXPORT}() {
  await reportPersonalData();
  return { statusCode: 204 };
}
`;
}
