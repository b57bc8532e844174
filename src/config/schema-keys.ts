// The keys a config object may hold, read from the zod schema itself so the
// "did you mean" list can never drift from what validation accepts.

import { z } from 'zod';
import type { JsonPath } from './config-problem.js';

/** Allowed keys of the object at `path` (record keys and array indices are walked through). */
export function allowedKeysAt(schema: z.ZodType, path: JsonPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    current = current && childSchema(current, segment);
    current = current && unwrap(current);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  if (schema instanceof z.ZodObject && typeof segment === 'string') {
    return Object.hasOwn(schema.shape, segment) ? (schema.shape[segment] as z.ZodType) : undefined;
  }
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodArray && typeof segment === 'number') return schema.element as z.ZodType;
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable
  ) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}
