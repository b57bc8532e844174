import { expect } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';

const required = { title: 'Migration News', baseUrl: 'https://example.org', language: 'en', timeZone: 'Europe/Athens' };

/** Pretty-printed like a real file: `{` on line 1, the required keys on 2–5, extras from line 6. */
export function configText(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...required, ...extra }, null, 2);
}

/** The diagnostics of a config that must not validate. */
export function problems(text: string) {
  const result = validateConfig(text, 'site.config.json');
  expect(result.config).toBeUndefined();
  return result.diagnostics.map(({ code, message, line, column, hint }) => ({ code, message, line, column, hint }));
}
