import type { z } from 'zod';

type Segment = string | number;

/** Removes wrappers that do not change the shape a vendor writes (optional, default, pipes). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType[] {
  const typed = schema as z.core.$ZodTypes;
  const def = typed._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType);
    case 'pipe':
      return unwrap(def.in);
    case 'lazy':
      return unwrap(def.getter());
    case 'union':
      return def.options.flatMap((option) => unwrap(option));
    default:
      return [schema];
  }
}

function child(schema: z.core.$ZodType, segment: Segment): z.core.$ZodType[] {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if (def.type === 'object' && typeof segment === 'string') {
    const field = def.shape[segment];
    return field ? unwrap(field) : [];
  }
  if (def.type === 'array' && typeof segment === 'number') return unwrap(def.element);
  if (def.type === 'record' && typeof segment === 'string') return unwrap(def.valueType);
  return [];
}

/**
 * The schemas that can describe the value at `path` (several where a union allows several
 * shapes), with optional and pipe wrappers removed. Empty when the path leaves the format.
 */
export function schemasAt(root: z.core.$ZodType, path: readonly Segment[]): z.core.$ZodType[] {
  let current = unwrap(root);
  for (const segment of path) current = current.flatMap((schema) => child(schema, segment));
  return current;
}

/** The field names allowed in the mapping at `path`, in schema order. */
export function allowedKeys(root: z.core.$ZodType, path: readonly Segment[]): string[] {
  const keys = new Set<string>();
  for (const schema of schemasAt(root, path)) {
    const def = (schema as z.core.$ZodTypes)._zod.def;
    if (def.type === 'object') Object.keys(def.shape).forEach((key) => keys.add(key));
  }
  return [...keys];
}

/** The values allowed at `path` when it is an enum or literal; empty otherwise. */
export function allowedValues(root: z.core.$ZodType, path: readonly Segment[]): string[] {
  const values = new Set<string>();
  for (const schema of schemasAt(root, path)) {
    const def = (schema as z.core.$ZodTypes)._zod.def;
    if (def.type === 'enum')
      Object.values(def.entries).forEach((value) => values.add(String(value)));
    if (def.type === 'literal') def.values.forEach((value) => values.add(String(value)));
  }
  return [...values];
}
