import { badRequest } from './kvs-rules.ts';

/** One filter clause as the SDK sends it: `{ property, condition, values }`. */
export interface FilterClause {
  property: string;
  condition: string;
  values: unknown[];
}

/** Conditions as the SDK sends them: `{ and: [...] }` or `{ or: [...] }`. */
export interface FilterGroup {
  and?: FilterClause[];
  or?: FilterClause[];
}

type Scalar = string | number | boolean;
const compare = (a: unknown, b: unknown): number | undefined => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
};

function needValues(clause: FilterClause, n: number): void {
  if (!Array.isArray(clause.values) || clause.values.length !== n) {
    badRequest(
      'INVALID_FILTER_VALUES',
      `Condition ${clause.condition} on "${clause.property}" needs ${n} value(s).`,
    );
  }
}

/** Whether one attribute value satisfies one clause. */
export function matchesClause(actual: unknown, clause: FilterClause): boolean {
  const [first, second] = clause.values ?? [];
  const cmp = compare(actual, first);
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      needValues(clause, 1);
      return actual === (first as Scalar);
    case 'NOT_EQUAL_TO':
      needValues(clause, 1);
      return actual !== (first as Scalar);
    case 'BEGINS_WITH':
      needValues(clause, 1);
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      needValues(clause, 1);
      return (
        (typeof actual === 'string' || Array.isArray(actual)) && actual.includes(first as never)
      );
    case 'NOT_CONTAINS':
      needValues(clause, 1);
      return !(
        (typeof actual === 'string' || Array.isArray(actual)) &&
        actual.includes(first as never)
      );
    case 'GREATER_THAN':
      needValues(clause, 1);
      return cmp !== undefined && cmp > 0;
    case 'GREATER_THAN_EQUAL_TO':
      needValues(clause, 1);
      return cmp !== undefined && cmp >= 0;
    case 'LESS_THAN':
      needValues(clause, 1);
      return cmp !== undefined && cmp < 0;
    case 'LESS_THAN_EQUAL_TO':
      needValues(clause, 1);
      return cmp !== undefined && cmp <= 0;
    case 'BETWEEN': {
      needValues(clause, 2);
      const low = compare(actual, first);
      const high = compare(actual, second);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    default:
      return badRequest(
        'INVALID_FILTER_CONDITION',
        `The condition "${String(clause.condition)}" is not supported for filters.`,
      );
  }
}

/** Whether a stored value (an object of attributes) satisfies a group of conditions. */
export function matchesGroup(value: unknown, group: FilterGroup): boolean {
  const attrs = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (group.and && group.or) {
    badRequest(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  const clauses = group.and ?? group.or;
  if (!clauses || clauses.length === 0)
    badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  const test = (c: FilterClause): boolean => matchesClause(attrs[c.property], c);
  return group.and ? clauses.every(test) : clauses.some(test);
}
