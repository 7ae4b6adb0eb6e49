import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word the page and the exports show comes from the catalogue (locales/), so a German admin
 * reads no English. This test reads the components and the document model with the TypeScript
 * compiler and names each user-visible English literal, file:line.
 */
const root = fileURLToPath(new URL('../', import.meta.url));

/** JSX attributes whose value a reader sees or a screen reader says. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'alt',
  'placeholder',
  'label',
  'summary',
]);

/** Calls whose string arguments no reader sees: errors for developers, catalogue keys. */
const SILENT_CALLS = new Set(['Error', 'TypeError', 'RangeError', 't', 'plural', 'say']);

/**
 * Whether a literal reads as English words: two words with a space between them, or one
 * capitalised word. Keys, ids, test ids, class names and codes are single lower-case tokens
 * (`section-rights`, `value.yes`, `P30D`); addresses and CSS are never words.
 */
function isEnglish(text: string): boolean {
  const trimmed = text.trim();
  if (/^(?:https?:|mailto:|\.{0,2}\/|#)/i.test(trimmed)) return false;
  if (/var\(--|^[a-z-]+:\s*[^\s]/.test(trimmed)) return false;
  return /[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}/.test(trimmed) || /^[A-Z][a-z]+\b/.test(trimmed);
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Finding {
  where: string;
  text: string;
}

function source(path: string): ts.SourceFile {
  const text = readFileSync(join(root, path), 'utf8');
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

function at(file: ts.SourceFile, node: ts.Node): string {
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${relative(root, join(root, file.fileName))}:${line + 1}`;
}

/** The texts of a string or template literal (a template's fixed parts). */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return [];
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

/** Whether a literal sits where no reader sees it: a type, an import, a key, an error, a key lookup. */
function isSilent(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (
      ts.isTypeNode(current) ||
      ts.isImportDeclaration(current) ||
      ts.isExportDeclaration(current)
    )
      return true;
    if (
      (ts.isCallExpression(current) || ts.isNewExpression(current)) &&
      SILENT_CALLS.has(calleeName(current))
    )
      return true;
    if (ts.isJsxAttribute(current)) return !VISIBLE_ATTRIBUTES.has(current.name.getText());
    if (ts.isBlock(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

/** Names of properties and variables that hold class names, ids, keys, addresses or styles. */
const TECHNICAL_NAME = /class|testid|^key$|^id$|href|url|style|^lang$|^dir$|^role$/i;

function nameOf(node: ts.Node): string {
  if (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) return node.name.getText();
  return '';
}

function isPropertyKey(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    TECHNICAL_NAME.test(nameOf(parent)) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) ||
    ts.isLiteralTypeNode(parent)
  );
}

/** Every English literal a reader could see in one file. */
function englishLiterals(file: ts.SourceFile): Finding[] {
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (/[A-Za-z]{2,}/.test(node.text))
        found.push({ where: at(file, node), text: node.text.trim() });
    } else {
      const texts = literalTexts(node);
      if (texts.length > 0 && !isPropertyKey(node) && !isSilent(node)) {
        for (const text of texts) {
          if (isEnglish(text)) found.push({ where: at(file, node), text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const SCANNED = [
  ...filesUnder('static/disclosure/src/components', /\.tsx?$/),
  ...filesUnder('src/declaration/document', /\.ts$/),
  ...filesUnder('src/declaration/present', /\.ts$/),
  // Material changes are worded outside the document model, for the banner and the versions list.
  'src/declaration/material-words.ts',
];

describe('no user-visible English literal', () => {
  it('scans the components and the document model', () => {
    expect(SCANNED.some((path) => path.startsWith('static/disclosure/src/components/'))).toBe(true);
    expect(SCANNED.some((path) => path.startsWith('src/declaration/document/'))).toBe(true);
  });

  it.each(SCANNED)('%s', (path) => {
    const findings = englishLiterals(source(path)).map(
      ({ where, text }) => `${where}  ${JSON.stringify(text)}`,
    );
    expect(findings, 'move these words into locales/en-US.json and read them with t()').toEqual([]);
  });
});

describe('the literal finder', () => {
  const scan = (path: string, text: string) =>
    englishLiterals(
      ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX),
    ).map((finding) => finding.text);

  it('finds JSX text, visible attributes, and words passed to block constructors', () => {
    expect(
      scan(
        'x.tsx',
        `export const A = () => <section aria-label="Legal basis" title={\`Retention of \${n}\`}>Your rights<img alt="Logo" /></section>;
         export const b = () => paragraph(['Data residency is followed']);
         export const c = () => ({ kind: 'heading', text: ['Subprocessors'] });
         export const d = (yes: boolean) => [yes ? 'Yes' : 'No'];`,
      ),
    ).toEqual([
      'Legal basis',
      'Retention of ',
      'Your rights',
      'Logo',
      'Data residency is followed',
      'Subprocessors',
      'Yes',
      'No',
    ]);
  });

  it('lets keys, test ids, class names, URLs, CSS, types and errors pass', () => {
    expect(
      scan(
        'x.tsx',
        `import { x } from './Some Module.tsx';
         type Kind = 'Some Label';
         const cells = { 'Legal basis': 1 };
         const badge = { label: t('label.sensitive'), className: 'badge badge-danger' };
         export const A = () => <a className="button button-primary" data-testid="section-rights" href="https://example.com/Privacy Policy" style={{ color: 'var(--ds-text)' }} key="Fixed Key">{t('section.rights')}</a>;
         export function f() { if (!ok) throw new Error('The declaration is not valid'); return label('value.yes'); }`,
      ),
    ).toEqual([]);
  });
});
