import { parseArgs } from 'node:util';
import {
  formatLocatedIssue,
  toCsv,
  toHtml,
  toJson,
  toMarkdown,
  toMarketplaceAnswers,
  validateDeclarationText,
  type Declaration,
} from '../declaration/index.ts';
import { EXIT, describeFsError, readText, writeAtomically, type CliIo } from './io.ts';
import { HELP, UsageError, usageErrorFrom } from './usage.ts';

const FORMATS: Record<string, (declaration: Declaration, locale: string) => string> = {
  html: (declaration, locale) => toHtml(declaration, { locale }),
  md: (declaration, locale) => toMarkdown(declaration, { locale }),
  json: (declaration) => toJson(declaration),
  csv: (declaration, locale) => toCsv(declaration, { locale }),
  marketplace: (declaration, locale) => toMarketplaceAnswers(declaration, locale),
};

const LOCALE = /^[a-zA-Z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

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
  const names = Object.keys(FORMATS).join(', ');
  if (!values.format) throw new UsageError(`export needs --format (${names})`, 'export');
  const render = FORMATS[values.format];
  if (!render)
    throw new UsageError(`unknown format "${values.format}"; use one of ${names}`, 'export');
  if (positionals.length !== 1) {
    throw new UsageError(
      `export takes exactly one FILE, got ${positionals.length || 'none'}`,
      'export',
    );
  }
  const locale = values.locale ?? 'en';
  if (!LOCALE.test(locale)) {
    throw new UsageError(`--locale "${locale}" is not a locale such as en, de or pt-BR`, 'export');
  }
  const file = positionals[0] as string;
  const read = await readText(file);
  if (!read.ok) {
    io.stderr(`${file}: cannot read: ${read.reason}\n`);
    return EXIT.invalid;
  }
  const result = validateDeclarationText(read.text, file);
  for (const warning of result.warnings) io.stderr(`${formatLocatedIssue(warning)}\n`);
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${formatLocatedIssue(issue)}\n`);
    io.stderr(`${file}: not exported: the declaration is invalid\n`);
    return EXIT.invalid;
  }
  const content = render(result.declaration, locale);
  if (!values.output) {
    io.stdout(content);
    return EXIT.ok;
  }
  try {
    await writeAtomically(values.output, content);
  } catch (error) {
    io.stderr(`${values.output}: cannot write: ${describeFsError(error)}\n`);
    return EXIT.invalid;
  }
  io.stderr(`Wrote ${values.output}\n`);
  return EXIT.ok;
}
