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
