import { defineConfig } from 'vitest/config';

// Three projects: `npx vitest --project unit` gives feedback in seconds;
// `integration` builds whole sites (some through the compiled CLI, which the
// global setup compiles first when src/ is newer); `browser` drives Chromium.
// `npm test` runs them all.
const integration = [
  'test/pipeline/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/cache/**/*.test.ts',
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

export default defineConfig({
  test: {
    // Generous: the suite must pass on a 2-core machine shared with other builds.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...integration, ...browser] } },
      { extends: true, test: { name: 'integration', include: integration, globalSetup: ['test/support/compile-lib.ts'] } },
      { extends: true, test: { name: 'browser', include: browser, globalSetup: ['test/support/compile-lib.ts'] } },
    ],
  },
});
