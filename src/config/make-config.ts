// A valid config for tests, like Zola's default_for_test: the smallest real
// config, overridden per test and validated by the same code as a user's file.

import { SiteError } from '../diagnostics/diagnostic.js';
import type { SiteConfig, SiteConfigInput } from './schema.js';
import { validateConfig } from './validate-config.js';

const minimal: SiteConfigInput = {
  title: 'Test Site',
  baseUrl: 'https://example.org/',
  language: 'en',
  timeZone: 'UTC',
};

/** Top-level keys in `overrides` replace the minimal ones; nested defaults still apply. */
export function makeConfig(overrides: Partial<SiteConfigInput> = {}): SiteConfig {
  const { config, diagnostics } = validateConfig(JSON.stringify({ ...minimal, ...overrides }), 'site.config.json');
  if (!config) throw new SiteError(diagnostics);
  return config;
}
