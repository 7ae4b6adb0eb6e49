/**
 * The domain core of Privacy Disclosure: the declaration format and pure helpers over it.
 * Imports nothing from Forge, React or Node I/O; everything else imports it through `@declaration`.
 */
export * from './schema/index.ts';
export { checkReferences, type DeclarationIssue } from './references.ts';
export { migrate, MIGRATIONS, type MigrationResult } from './migrations.ts';
export * from './api.ts';
export * from './api-payloads.ts';
export { formatPath, issuesFromZod, parseDeclaration, type ParseResult } from './parse.ts';
export {
  formatLocatedIssue,
  MAX_DECLARATION_BYTES,
  validateDeclarationBytes,
  validateDeclarationText,
  type LocatedIssue,
  type TextValidationResult,
} from './validate-yaml.ts';
export { escapeControls } from './validation/printable.ts';
export * from './present/index.ts';
export * from './document/index.ts';
export * from './export/index.ts';
export * from './i18n/index.ts';
export { diffDeclarations, fieldChanges } from './diff.ts';
export * from './manifest/index.ts';
export * from './truth-check/index.ts';
