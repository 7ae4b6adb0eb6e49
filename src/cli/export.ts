import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  formatLocatedIssue,
  readManifestFacts,
  toCsv,
  toDpv,
  toHtml,
  toJson,
  toMarkdown,
  toMarketplaceAnswers,
  toMarketplaceApi,
  validateDeclarationBytes,
  type Declaration,
  type ManifestFacts,
} from '../declaration/index.ts';
import {
  createTranslator,
  loadCatalogue,
  resolveLocale,
  SHIPPED_LOCALES,
  type Translator,
} from '../declaration/i18n/index.ts';
import { EXIT, describeFsError, readDeclarationFile, type CliIo } from './io.ts';
import { outputTarget, writeAtomically } from './output.ts';
import { HELP, UsageError, usageErrorFrom } from './usage.ts';

type Render = (
  declaration: Declaration,
  translator: Translator,
  manifest: ManifestFacts | undefined,
) => string;

// A Map, not an object: `--format toString` or `__proto__` must not find Object.prototype's members.
const FORMATS = new Map<string, Render>([
  ['html', (declaration, translator) => toHtml(declaration, { translator })],
  ['md', (declaration, translator) => toMarkdown(declaration, { translator })],
  ['json', (declaration) => toJson(declaration)],
  ['csv', (declaration, translator) => toCsv(declaration, { translator })],
  [
    'marketplace',
    (declaration, translator, manifest) => toMarketplaceApi(declaration, manifest, translator),
  ],
  ['marketplace-text', (declaration, translator) => toMarketplaceAnswers(declaration, translator)],
  ['dpv', (declaration, translator) => toDpv(declaration, translator)],
]);

/** The formats that read `--manifest`. */
const READS_MANIFEST = new Set(['marketplace']);

/** A manifest is a few kilobytes; read no more than a declaration may be. */
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

/** The facts of `--manifest FILE`, or why it cannot be read (printed, exit 1). */
async function manifestFacts(
  file: string,
  io: CliIo,
): Promise<{ ok: true; facts: ManifestFacts } | { ok: false }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr(`${file}: cannot read: ${describeFsError(error)}\n`);
    return { ok: false };
  }
  if (text.length > MAX_MANIFEST_BYTES) {
    io.stderr(`${file}: larger than 2 MB; is it manifest.yml?\n`);
    return { ok: false };
  }
  const read = readManifestFacts(text);
  if (read.ok) return read;
  for (const problem of read.problems) {
    io.stderr(`${file}:${problem.line}:${problem.column}  ${problem.message}\n`);
  }
  return { ok: false };
}

const LOCALE = /^[a-zA-Z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/**
 * The translator for `--locale`, from the catalogue the page uses for it (`de` and `de_DE` read
 * `de-DE`). A locale without a catalogue is exported in English, and the CLI says so.
 */
async function translatorFor(locale: string, io: CliIo): Promise<Translator> {
  const shipped = resolveLocale(locale);
  const language = locale.toLowerCase().split(/[-_]/)[0];
  if (shipped === 'en-US' && language !== 'en') {
    io.stderr(
      `--locale ${locale}: there is no catalogue for it, so the export is in English (en-US). ` +
        `Catalogues: ${SHIPPED_LOCALES.join(', ')}.\n`,
    );
  }
  return createTranslator(shipped, await loadCatalogue(shipped));
}

/** `privacy-disclosure export --format FORMAT [-o OUT] [--locale L] [--manifest M] FILE` */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        locale: { type: 'string', short: 'l' },
        manifest: { type: 'string', short: 'm' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorFrom(error, 'export');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP.export);
    return EXIT.ok;
  }
  const names = [...FORMATS.keys()].join(', ');
  if (!values.format) throw new UsageError(`export needs --format (${names})`, 'export');
  const render = FORMATS.get(values.format);
  if (!render)
    throw new UsageError(`unknown format "${values.format}"; use one of ${names}`, 'export');
  if (positionals.length !== 1) {
    throw new UsageError(
      `export takes exactly one FILE, got ${positionals.length || 'none'}`,
      'export',
    );
  }
  const locale = values.locale ?? 'en-US';
  if (!LOCALE.test(locale)) {
    throw new UsageError(
      `--locale "${locale}" is not a locale such as en-US, de-DE, de or pt-BR`,
      'export',
    );
  }
  if (values.manifest !== undefined && !READS_MANIFEST.has(values.format)) {
    throw new UsageError(
      `--manifest is read only by --format ${[...READS_MANIFEST].join(', ')}`,
      'export',
    );
  }
  if (values.manifest === '') throw new UsageError('--manifest needs a file name', 'export');
  const file = positionals[0] as string;
  const out = values.output;
  if (out === '') throw new UsageError('-o needs a file name', 'export');
  // Decided before anything is read or written: -o naming the input, a FIFO or a device is a
  // mistake on the command line, and nothing may be written for it.
  const target = out === undefined ? undefined : await outputTarget(out, file);
  if (target && !target.ok) {
    if (target.usage) throw new UsageError(`cannot write to ${out}: ${target.reason}`, 'export');
    io.stderr(`${out}: cannot write: ${target.reason}\n`);
    return EXIT.invalid;
  }
  const read = await readDeclarationFile(file);
  if (!read.ok) {
    io.stderr(`${file}: cannot read: ${read.reason}\n`);
    return EXIT.invalid;
  }
  const result = validateDeclarationBytes(read.bytes, file);
  for (const warning of result.warnings) io.stderr(`${formatLocatedIssue(warning)}\n`);
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${formatLocatedIssue(issue)}\n`);
    io.stderr(`${file}: not exported: the declaration is invalid\n`);
    return EXIT.invalid;
  }
  let translator: Translator;
  try {
    translator = await translatorFor(locale, io);
  } catch (error) {
    // A damaged catalogue of this package: say which entry, and write nothing.
    io.stderr(`${file}: not exported: ${(error as Error).message}\n`);
    return EXIT.invalid;
  }
  let manifest: ManifestFacts | undefined;
  if (values.manifest !== undefined) {
    const facts = await manifestFacts(values.manifest, io);
    if (!facts.ok) {
      io.stderr(`${file}: not exported: the manifest ${values.manifest} cannot be read\n`);
      return EXIT.invalid;
    }
    manifest = facts.facts;
  }
  const content = render(result.declaration, translator, manifest);
  if (out === undefined || !target) {
    io.stdout(content);
    return EXIT.ok;
  }
  try {
    await writeAtomically(target.path, content, target.existing);
  } catch (error) {
    io.stderr(`${out}: cannot write: ${describeFsError(error)}\n`);
    return EXIT.invalid;
  }
  const through = target.linked ? ` (the file it links to, ${target.path})` : '';
  io.stderr(`Wrote ${out}${through}\n`);
  return EXIT.ok;
}
