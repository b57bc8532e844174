import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Projects: `npx vitest --project unit` gives feedback in seconds;
// `integration` builds whole sites (some through the compiled CLI, which the
// global setup compiles first when src/ is newer); `browser` drives Chromium.
// `npm test` runs them all.
const integration = [
  'test/pipeline/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/cache/**/*.test.ts',
  'test/content/parse-date-process-tz.test.ts',
  'test/dev/serve-live-errors.test.ts',
  'test/outputs/discovery-outputs.test.ts',
  'test/outputs/search-index.test.ts',
  'test/render/html-valid.test.ts',
  'test/render/seo-escaping.test.ts',
  'test/render/builtin-theme.test.ts',
  'test/reliability/**/*.test.ts',
  'test/check/check-command.test.ts',
  'test/external-feeds/external-feed-widgets.test.ts',
  'test/external-feeds/sample-site-offline.test.ts',
  'test/integration/**/*.test.ts',
];
const browser = ['test/browser/**/*.test.ts'];
const compileLib = ['test/support/compile-lib.ts'];
// A whole run (`npm test` with no --project: scripts/test.mjs sets this) runs the unit files in the integration
// project's workers, which have imported what they test by then; in threads of their own they imported it all
// again. Alternating whole runs: 240 and 233 CPU-seconds against 251 and 259 with the unit project apart.
// `npx vitest --project unit` still runs them alone, in seconds.
const unitWithIntegration = process.env.MIGRANT_SITE_TESTS === 'all';

/**
 * Vite resolves packages for tests with the `development` condition, and vitest passes it on to Node in the
 * workers: micromark and the other unified packages then load development builds full of assertions that
 * `migrant-site` never runs. Tests run the packages the CLI runs.
 */
const cliConditions: Plugin = {
  name: 'cli-conditions',
  configResolved(config) {
    for (const resolve of [config.resolve, config.ssr.resolve, ...Object.values(config.environments).map((e) => e.resolve)]) {
      if (resolve?.conditions) resolve.conditions = resolve.conditions.filter((c) => c !== 'development' && c !== 'development|production');
    }
  },
};

export default defineConfig({
  plugins: [cliConditions],
  test: {
    // Generous: the suite must pass on a 2-core machine shared with other builds.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Vitest's default leaves a core free (one worker on two cores), but many of these files wait on
    // Chromium, child processes or the disk for much of their time: one worker more than cores keeps
    // them all busy. On 2 cores, quiet, one run each: 1.98 cores used and 118 s, against 1.6–1.9 and
    // 127 s with a worker per core.
    maxWorkers: availableParallelism() + 1,
    // Vitest's own order queues each project's files together (browser, integration, unit).
    // Keep it so: a worker runs the next file only when the file at the head of the queue is of its project;
    // otherwise vitest stops it and starts another, which imports everything again. Browser files queued between
    // integration files started 30 worker processes instead of about 12: paired runs, 276 against 304 CPU-seconds.
    projects: [
      // Importing the pipeline costs about a second per file: files in one worker share their imports
      // (isolate: false). Module state they share is caches keyed on their inputs; no file relies on a fresh one.
      // In the forks pool, isolation is a new process per file: the browser project's eight files started seven
      // (17.6 CPU-seconds to import and collect them, against 10.8 with three).
      ...(unitWithIntegration
        ? [{ extends: true as const, test: { name: 'unit+integration', include: ['test/**/*.test.ts'], exclude: browser, globalSetup: compileLib, isolate: false } }]
        : [
            { extends: true as const, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...integration, ...browser], pool: 'threads', isolate: false } },
            { extends: true as const, test: { name: 'integration', include: integration, globalSetup: compileLib, isolate: false } },
          ]),
      { extends: true, test: { name: 'browser', include: browser, isolate: false, globalSetup: [...compileLib, 'test/browser/sample-site.setup.ts'] } },
    ],
  },
});
