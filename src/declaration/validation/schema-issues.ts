import type { z } from 'zod';
import { Declaration } from '../schema/index.ts';
import { isMapping, valueAt, type AnchoredIssue } from './anchored.ts';
import { describeWritten, plainMessages } from './messages.ts';
import { allowedKeys } from './schema-walk.ts';
import { closestMatch } from './suggest.ts';
import {
  colonText,
  countryHint,
  durationHint,
  isCountryList,
  isDurationPattern,
  quoteHint,
} from './hints.ts';

type Segment = string | number;

/** Above this many options a near miss is more likely a different valid value than a typo. */
const MAX_OPTIONS_FOR_TYPO_HINT = 40;

function segmentsOf(path: readonly PropertyKey[]): Segment[] {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

/** An issue, and for an unknown field the path of the field it most likely meant. */
type Refined = AnchoredIssue & { meant?: Segment[] };

function unknownField(path: Segment[], key: string): Refined {
  const allowed = allowedKeys(Declaration, path);
  const guess = closestMatch(key, allowed);
  const hint = guess
    ? `did you mean "${guess}"?`
    : `allowed here: ${allowed.join(', ') || 'no fields'}`;
  return {
    path: [...path, key],
    anchor: 'key',
    message: `unknown field "${key}"; ${hint}`,
    ...(guess === undefined ? {} : { meant: [...path, guess] }),
  };
}

/** The message, with the quote hint when YAML read the value as a mapping because of its ": ". */
function withColonHint(message: string, written: unknown): string {
  const text = colonText(written);
  return text === undefined ? message : `${message}; ${quoteHint(text)}`;
}

function enumHint(message: string, written: unknown, values: readonly unknown[]): string {
  if (typeof written !== 'string')
    return withColonHint(`${message}, not ${describeWritten(written)}`, written);
  const options = values.map(String);
  const country = isCountryList(values) ? countryHint(written) : undefined;
  if (country) return `"${written}" is not allowed: ${message}; ${country}`;
  // A quoted "1" where the number 1 is expected looks identical once printed: say what differs.
  if (values.some((value) => typeof value !== 'string' && String(value) === written)) {
    return `${message}, written without quotes (it is text now)`;
  }
  const numbers = values.filter((value) => typeof value === 'number');
  if (numbers.length === values.length && /^\s*-?\d+(\.\d+)?\s*$/.test(written)) {
    return `"${written}" is text: write the number without quotes, such as ${String(numbers[0])}`;
  }
  const guess =
    options.length <= MAX_OPTIONS_FOR_TYPO_HINT
      ? closestMatch(written, options)
      : options.find((option) => option.toLowerCase() === written.toLowerCase());
  return guess
    ? `"${written}" is not allowed: ${message}; did you mean "${guess}"?`
    : `"${written}" is not allowed: ${message}`;
}

/** Turns one zod issue into issues a vendor can act on, each with its own path and anchor. */
function refine(issue: z.core.$ZodIssue, root: unknown, base: Segment[]): Refined[] {
  const path = [...base, ...segmentsOf(issue.path)];
  const written = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownField(path, key));
    case 'invalid_union': {
      // Translations that are almost right fail the text branch at the root; show why the
      // translations branch failed instead of the generic union message.
      if (isMapping(written)) {
        const text = colonText(written);
        if (text !== undefined && isTextUnion(issue))
          return [{ path, anchor: 'value', message: `must be text; ${quoteHint(text)}` }];
        const near = issue.errors.filter(
          (branch) =>
            !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
        );
        if (near.length === 1 && near[0])
          return near[0].flatMap((inner) => refine(inner, root, path));
      }
      break;
    }
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? issue.message;
      return [
        {
          path,
          anchor: 'key',
          message: `"${String(path.at(-1))}" is not allowed as a key: ${reason}`,
        },
      ];
    }
    case 'invalid_value':
      if (written !== undefined) {
        return [{ path, anchor: 'value', message: enumHint(issue.message, written, issue.values) }];
      }
      break;
    case 'invalid_type':
      if (written !== undefined && issue.expected === 'string')
        return [{ path, anchor: 'value', message: withColonHint(issue.message, written) }];
      break;
    case 'invalid_format': {
      const hint =
        issue.format === 'regex' && isDurationPattern(issue.pattern) && typeof written === 'string'
          ? durationHint(written)
          : undefined;
      if (hint) return [{ path, anchor: 'value', message: `${issue.message}; ${hint}` }];
      break;
    }
    default:
      break;
  }
  if (written === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [{ path, anchor: 'value', message: 'is required' }];
  }
  return [{ path, anchor: 'value', message: issue.message }];
}

function key(path: readonly Segment[]): string {
  return path.join('\u0000');
}

/** Whether a union issue is about a Text field (plain text or translations). */
function isTextUnion(issue: z.core.$ZodIssue): boolean {
  return (
    issue.code === 'invalid_union' &&
    issue.errors.some((branch) =>
      branch.some((inner) => inner.code === 'invalid_type' && inner.expected === 'string'),
    )
  );
}

/**
 * Checks a (migrated) value against the declaration schema and explains every problem in plain
 * language, with "did you mean" hints for unknown fields and values. Empty when it conforms.
 */
export function schemaIssues(value: unknown): {
  issues: AnchoredIssue[];
  declaration?: Declaration;
} {
  const result = Declaration.safeParse(value, { error: plainMessages });
  if (result.success) return { issues: [], declaration: result.data };
  const refined = result.error.issues.flatMap((issue) => refine(issue, value, []));
  // A mistyped field name is one mistake: "did you mean retention" says it, and "retention is
  // required" at the same mapping would only repeat it.
  const meant = new Set(refined.flatMap((issue) => (issue.meant ? [key(issue.meant)] : [])));
  return {
    issues: refined
      .filter((issue) => !(issue.message === 'is required' && meant.has(key(issue.path))))
      .map(({ meant: _meant, ...issue }) => issue),
  };
}
