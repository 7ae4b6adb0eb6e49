import { parseArgs } from 'node:util';
import {
  formatLocatedIssue,
  toCsv,
  toDpv,
  toHtml,
  toJson,
  toMarkdown,
  toMarketplaceAnswers,
  validateDeclarationBytes,
  type Declaration,
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

// A Map, not an object: `--format toString` or `__proto__` must not find Object.prototype's members.
const FORMATS = new Map<string, (declaration: Declaration, translator: Translator) => string>([
  ['html', (declaration, translator) => toHtml(declaration, { translator })],
  ['md', (declaration, translator) => toMarkdown(declaration, { translator })],
  ['json', (declaration) => toJson(declaration)],
  ['csv', (declaration, translator) => toCsv(declaration, { translator })],
  ['marketplace', (declaration, translator) => toMarketplaceAnswers(declaration, translator)],
  ['dpv', (declaration, translator) => toDpv(declaration, translator)],
]);

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

/** `privacy-disclosure export --format FORMAT [-o OUT] [--locale L] FILE` */
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
  const content = render(result.declaration, translator);
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
