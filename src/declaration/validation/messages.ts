import type { z } from 'zod';

/** Text shown for a Text field (plain text or translations) that is neither. */
export const TEXT_MESSAGE =
  'must be text, or translations such as { en: ..., de: ... } with an en entry';

/** Says what a vendor wrote, in YAML terms: "a number", "a list", "true/false", ... */
export function describeWritten(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (ArrayBuffer.isView(input)) return 'binary data';
  switch (typeof input) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return `${String(input)} (true/false)`;
    case 'object':
      return 'a mapping of fields';
    default:
      return typeof input;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'must be text',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a mapping of fields (name: value)',
  number: 'must be a number',
  int: 'must be a whole number',
  record: 'must be translations such as { en: ..., de: ... }',
};

function typeMessage(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  const must = EXPECTED[expected] ?? `must be ${expected}`;
  return input === null
    ? `${must}, but nothing is written here`
    : `${must}, not ${describeWritten(input)}`;
}

/** Lists enum or literal values for a message: `a, b, c`. */
export function listValues(values: readonly unknown[]): string {
  return values.map((value) => String(value)).join(', ');
}

/** Whether a union is the Text shape: plain text or a record of translations. */
function isTextUnion(inst: unknown): boolean {
  const def = (inst as z.core.$ZodTypes | undefined)?._zod.def;
  if (def?.type !== 'union') return false;
  const kinds = def.options.map((option) => (option as z.core.$ZodTypes)._zod.def.type);
  return kinds.includes('string') && kinds.includes('record');
}

/**
 * zod error map with plain-language messages. Messages written in the schema take precedence
 * (zod applies a schema's own message before the one passed to `safeParse`).
 */
export const plainMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(issue.expected, issue.input);
    case 'invalid_union':
      if (!isTextUnion(issue.inst)) return 'does not match any of the allowed forms';
      return issue.input === null ? `${TEXT_MESSAGE}, but nothing is written here` : TEXT_MESSAGE;
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${listValues(issue.values)}`;
    case 'too_small':
      if (issue.origin === 'array') {
        return issue.minimum === 1
          ? 'must list at least one entry'
          : `must list at least ${String(issue.minimum)} entries`;
      }
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)} characters`;
      }
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must list at most ${String(issue.maximum)} entries`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      return `must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'is not an allowed key';
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return 'is not valid';
  }
};
