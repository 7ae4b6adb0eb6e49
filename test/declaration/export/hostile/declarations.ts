import fc from 'fast-check';
import { Declaration, parseDeclaration, type Declaration as DeclarationType } from '@declaration';

/** A zod 4 schema as far as the walk needs it: its definition, and a way to check a value. */
interface Schema {
  _zod: { def: Def };
  safeParse(value: unknown): { success: boolean };
}

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
}

/** What kind of value a field of the declaration takes, found by asking its own schema. */
type Kind = 'text' | 'https' | 'contact' | 'marketplace' | 'email' | 'domain' | 'plain';

/** Whether a union is the format's Text (a string or translations), not a choice of shapes. */
function isText(schema: Schema): boolean {
  return (
    schema.safeParse('Free <text> & more').success &&
    schema.safeParse({ en: 'Free <text> & more' }).success
  );
}

/** One field of the declaration that the vendor writes freely, and where it is. */
export interface Slot {
  path: (string | number)[];
  kind: Kind;
  schema: Schema;
  /** The value in the unmodified declaration (for text, maybe translations). */
  original: unknown;
}

function kindOf(schema: Schema, original: unknown): Kind | null {
  const def = schema._zod.def;
  if (def.type === 'union') return 'text';
  if (def.type !== 'string') return null;
  const accepts = (value: string) => schema.safeParse(value).success;
  // Ids, dates, periods and the Forge app id have a fixed form; version and region are free.
  if (accepts('Free <text> & more')) return 'plain';
  if (accepts('mailto:privacy@example.com')) return 'contact';
  if (accepts('https://example.com/path')) return 'https';
  // A host as manifest.yml writes it (a location's or recipient's domains), not a whole address.
  if (accepts('*.example.com')) return 'domain';
  if (typeof original === 'string' && original.startsWith('https://marketplace.atlassian.com/')) {
    return 'marketplace';
  }
  return accepts('privacy@example.com') ? 'email' : null;
}

/**
 * Every text and link field of a declaration, found by walking the declaration's zod schema
 * alongside it (so a field added to the schema is covered without touching this test).
 */
export function slotsOf(declaration: DeclarationType): Slot[] {
  const slots: Slot[] = [];
  function visit(schema: Schema, value: unknown, path: (string | number)[]): void {
    if (value === undefined) return;
    const def = schema._zod.def;
    if (def.type === 'optional' && def.innerType) return visit(def.innerType, value, path);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        visit(child, (value as Record<string, unknown>)[key], [...path, key]);
      }
      return;
    }
    if (def.type === 'array' && def.element) {
      (value as unknown[]).forEach((item, index) => visit(def.element!, item, [...path, index]));
      return;
    }
    // A choice of shapes ('not-stated' or a list of regimes, 'all' or category ids): walk the
    // shape the value has. Text, a string or its translations, is one field to fill.
    if (def.type === 'union' && def.options && !isText(schema)) {
      const shape = def.options.find((option) => option.safeParse(value).success);
      if (shape) visit(shape, value, path);
      return;
    }
    const kind = kindOf(schema, value);
    if (kind) slots.push({ path, kind, schema, original: value });
  }
  visit(Declaration as unknown as Schema, declaration, []);
  return slots;
}

/** Pieces of text that mean something to Markdown, HTML, spreadsheets or the bidi algorithm. */
const HOSTILE_TEXT = [
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\f',
  '\t',
  '\u0000',
  '\u001b[31m',
  '# Injected heading',
  '## ',
  '---',
  '***',
  '===',
  '- item',
  '+ item',
  '1. item',
  '2) item',
  '> quote',
  '    code',
  '```',
  '`code`',
  '|',
  '| a | b |',
  '|---|---|',
  '*',
  '**bold**',
  '_',
  '~~gone~~',
  '\\',
  '[Click](javascript:alert(1))',
  '](javascript:alert(1))',
  '[ref]: javascript:alert(1)',
  '[ref]',
  '![x](https://evil.example/x.png)',
  '<javascript:alert(1)>',
  '<https://evil.example/>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '&amp;',
  '&#106;avascript:',
  '&lt;',
  '=HYPERLINK("https://evil.example","Click")',
  '=1+1',
  '@SUM(A1:A2)',
  "Logs;=cmd|' /C calc'!A0",
  ', -2+3+cmd',
  '+1',
  '-1',
  '\u202e',
  '\u202b',
  '\u202d',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200f',
  'مرحبا',
  'שלום',
  'Exalate',
  'Operation Data',
  ' ',
  'é',
  '😀',
  'Techtime'.repeat(8),
  // Plain addresses, which docs sites link on their own (GFM autolinks, markdown-it's linkify),
  // and the pieces they are made of, so that the mix makes more of them.
  'http://evil.example/login',
  'ftp://evil.example/x',
  'HTTP://EVIL.COM',
  'www.evil.example',
  'www.evil.com',
  'evil.com',
  'techtime.co.nz/x',
  '//evil.com/x',
  '//localhost/x',
  '192.168.0.1',
  'xmpp:evil@evil.com',
  'file:///etc/passwd',
  'javascript://evil.com/%0aalert(1)',
  'privacy@evil.com',
  'https://example.com/?next=http://evil.com',
  'https://example.com/a??evil.com',
  'https://',
  'http',
  'www',
  '://',
  '.com',
  '.',
  '/',
  '@',
];

/**
 * Hostile text: a mix of the pieces above and random characters. Never blank: it holds at least
 * one visible character, as a vendor's text does (a text of nothing but controls may show as an
 * empty row or no row, which is no attack on the reader).
 */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ maxLength: 6 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''))
  .filter((text) => /[^\p{White_Space}\p{C}]/u.test(text));

/** Pieces that could end a link or start another one, if written into a destination raw. */
const HOSTILE_URL_PART = [
  ')',
  '(',
  ']',
  '[',
  '>',
  '<',
  '"',
  "'",
  '`',
  ' ',
  '%20',
  '%',
  '\\',
  '|',
  '{',
  '}',
  '^',
  '*',
  '_',
  '&',
  '&amp;',
  '&#41;',
  '#',
  '?',
  '=',
  ')[Click](javascript:alert(1))',
  '>[Click](javascript:alert(1))',
  '"onmouseover="alert(1)',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u202e',
  'é',
  'path',
];

const urlTail = fc
  .array(fc.constantFrom(...HOSTILE_URL_PART), { maxLength: 8 })
  .map((parts) => parts.join(''));

/**
 * The same after a listing's id: without `\` (a URL parser reads it as `/`), so that the address
 * stays a listing whose "Privacy & security" tab the export links too.
 */
const listingTail = fc
  .array(fc.constantFrom(...HOSTILE_URL_PART.filter((part) => part !== '\\')), { maxLength: 8 })
  .map((parts) => parts.join(''));

/**
 * Hosts the schema accepts that still hold what means something to Markdown (`*`, `_` is not
 * allowed in a host), to an autolinker (`www.`, `http://`) or to a reader (a port, a wildcard).
 */
const hostileDomain = fc
  .tuple(
    fc.constantFrom('', 'https://', 'http://'),
    fc.constantFrom('', '*.'),
    fc.array(fc.constantFrom('www', 'evil', 'xn--80ak6aa92e', 'a-b', 'com', '1', 'localhost'), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.constantFrom('', ':8080', '/', ':443/'),
  )
  .map(([scheme, wildcard, labels, tail]) => `${scheme}${wildcard}${labels.join('.')}${tail}`);

/** E-mail addresses the schema accepts that still hold characters with a meaning somewhere. */
const hostileEmail = fc
  .array(fc.constantFrom('privacy', '|', '`', '*', '_', "'", '&', '\\', '{', '}', '~', '\u202e'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => `${parts.join('')}@example.com`);

function valueFor(slot: Slot): fc.Arbitrary<unknown> {
  switch (slot.kind) {
    case 'text':
      if (typeof slot.original === 'object' && slot.original !== null) {
        const keys = Object.keys(slot.original);
        return fc
          .tuple(...keys.map(() => hostileText))
          .map((texts) => Object.fromEntries(keys.map((key, index) => [key, texts[index]])));
      }
      return hostileText;
    case 'plain':
      return hostileText.map((text) => text.slice(0, 64));
    case 'https':
      return urlTail.map((tail) => `https://example.com/${tail}`);
    case 'contact':
      return fc.oneof(
        urlTail.map((tail) => `https://example.com/${tail}`),
        urlTail.map((tail) => `mailto:privacy@example.com?subject=${tail}`),
      );
    case 'marketplace':
      return listingTail.map((tail) => `https://marketplace.atlassian.com/apps/1234/${tail}`);
    case 'email':
      return hostileEmail;
    case 'domain':
      return hostileDomain;
  }
}

function setAt(target: unknown, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * Declarations like `base` with hostile text or a hostile address in every text and link field,
 * each still valid as its own schema says (a value the field's schema refuses is generated
 * again), and the whole declaration checked by `parseDeclaration` as the CLI and the backend do.
 */
export function hostileDeclarations(base: DeclarationType): fc.Arbitrary<DeclarationType> {
  const slots = slotsOf(base);
  const values = slots.map((slot) =>
    valueFor(slot).filter((value) => slot.schema.safeParse(value).success),
  );
  return fc.tuple(...values).map((generated) => {
    const raw = structuredClone(base);
    slots.forEach((slot, index) => setAt(raw, slot.path, generated[index]));
    const parsed = parseDeclaration(raw);
    if (!parsed.ok) {
      throw new Error(`generated an invalid declaration: ${JSON.stringify(parsed.issues)}`);
    }
    return parsed.declaration;
  });
}
