import { InvalidArgumentError, Option } from 'commander';
import { isNowDate } from '../pipeline/resolve-now.js';

// The options several commands share, each defined once. Commander checks
// their values while it parses (choices(), argParser()), so a bad value is a
// usage error naming the option, the value and what is accepted, before any
// command runs. Each call makes a new Option: commands must not share one.

export const configOption = () => new Option('-c, --config <file>', 'site config file').default('site.config.json');

export const outDirOption = () => new Option('-o, --out <dir>', 'output folder (default: "outDir" from the config, else dist)');

export const baseUrlOption = (description = 'override the config\'s baseUrl') => new Option('--base-url <url>', description);

export const draftsOption = (description = 'include articles with draft: true') => new Option('--drafts', description);

export const futureOption = (description = 'include articles dated after the build\'s clock') => new Option('--future', description);

export const offlineOption = () => new Option('--offline', 'show external feeds from their cached copies only; fetch nothing');

export const quietOption = () => new Option('-q, --quiet', 'print only warnings and errors');

/**
 * `--now` stays text: without an offset it is read in the site's time zone,
 * known only once the config is loaded (see pipeline/resolve-now.ts); its
 * form is checked here.
 */
export const nowOption = (description = 'the build\'s clock as an ISO date, for reproducible builds (default: now)') =>
  new Option('--now <date>', description).argParser((value: string) => {
    if (isNowDate(value)) return value;
    throw new InvalidArgumentError('Use an ISO date such as 2024-11-06T12:00 (read in the site\'s time zone) or 2024-11-06T12:00:00Z.');
  });

/** The clock a command builds with: `--now`, else the current instant. */
export const clockOf = (flags: { now?: string }): Date | string => flags.now ?? new Date();

export const workersOption = () =>
  new Option('--workers <n>', 'worker threads for markdown (0: none; default: one per core)').argParser(wholeNumber(0, 256, 'Use --workers 0 to parse on the main thread.'));

export const formatOption = (formats: readonly string[], description: string, fallback = formats[0]) =>
  new Option('--format <format>', description).choices(formats).default(fallback);

/** An argParser for a whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number, hint = ''): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) return n;
    throw new InvalidArgumentError(`Use a whole number from ${min} to ${max}.${hint ? ` ${hint}` : ''}`);
  };
}
