import type { z } from 'zod';
import { Declaration } from '../schema/index.ts';
import { isMapping, valueAt, type AnchoredIssue } from './anchored.ts';
import { describeWritten, plainMessages } from './messages.ts';
import { allowedKeys } from './schema-walk.ts';
import { closestMatch } from './suggest.ts';

type Segment = string | number;

/** Above this many options a near miss is more likely a different valid value than a typo. */
const MAX_OPTIONS_FOR_TYPO_HINT = 40;

function segmentsOf(path: readonly PropertyKey[]): Segment[] {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

function unknownField(path: Segment[], key: string): AnchoredIssue {
  const allowed = allowedKeys(Declaration, path);
  const guess = closestMatch(key, allowed);
  const hint = guess
    ? `did you mean "${guess}"?`
    : `allowed here: ${allowed.join(', ') || 'no fields'}`;
  return { path: [...path, key], anchor: 'key', message: `unknown field "${key}"; ${hint}` };
}

function enumHint(message: string, written: unknown, values: readonly unknown[]): string {
  if (typeof written !== 'string') return `${message}, not ${describeWritten(written)}`;
  const options = values.map(String);
  // A quoted "1" where the number 1 is expected looks identical once printed: say what differs.
  if (values.some((value) => typeof value !== 'string' && String(value) === written)) {
    return `${message}, written without quotes (it is text now)`;
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
function refine(issue: z.core.$ZodIssue, root: unknown, base: Segment[]): AnchoredIssue[] {
  const path = [...base, ...segmentsOf(issue.path)];
  const written = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownField(path, key));
    case 'invalid_union': {
      // Translations that are almost right fail the text branch at the root; show why the
      // translations branch failed instead of the generic union message.
      if (isMapping(written)) {
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
    default:
      break;
  }
  if (written === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [{ path, anchor: 'value', message: 'is required' }];
  }
  return [{ path, anchor: 'value', message: issue.message }];
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
  return { issues: result.error.issues.flatMap((issue) => refine(issue, value, [])) };
}
