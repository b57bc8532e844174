import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';

/** `--now` as an instant; a date without an offset is UTC midnight, as in ISO 8601 date-only forms. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw new SiteError(error(codes.usage, `--now is not an ISO date (got ${JSON.stringify(value)})`, { hint: 'for example --now 2024-11-06T12:00:00Z' }));
  }
  return date;
}

/** `--workers` as a thread count; undefined means one per core. */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) {
    throw new SiteError(error(codes.usage, `--workers must be a whole number from 0 to 256 (got ${JSON.stringify(value)})`, { hint: 'use --workers 0 to parse on the main thread' }));
  }
  return n;
}

/** `--format` checked against the formats a command knows. */
export function parseFormat<T extends string>(value: string | undefined, known: readonly T[]): T {
  if (known.includes(value as T)) return value as T;
  throw new SiteError(error(codes.usage, `unknown --format ${JSON.stringify(value)}`, { hint: `use one of: ${known.join(', ')}` }));
}
