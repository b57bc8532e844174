import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';

/**
 * `--now`: the text as given (the build reads it in the site's time zone once
 * the config is loaded, see resolveNow), or the current instant.
 */
export function parseNow(value: string | undefined): Date | string {
  return value ?? new Date();
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
