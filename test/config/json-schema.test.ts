import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toConfigJsonSchema } from '../../src/config/json-schema.js';
import { repoRoot } from '../support/temp-site.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { configText } from './config-text.js';

interface JsonSchema {
  properties?: Record<string, JsonSchema & { description?: string }>;
  additionalProperties?: unknown;
}

describe('site.config.schema.json', () => {
  it('is the JSON schema of the current config schema (run `npm run schema` after changing src/config/schema.ts)', () => {
    expect(readFileSync(join(repoRoot, 'site.config.schema.json'), 'utf8')).toBe(toConfigJsonSchema());
  });

  it('describes every top-level key and refuses unknown ones, as the config loader does', () => {
    const schema = JSON.parse(toConfigJsonSchema()) as JsonSchema;
    const undescribed = Object.entries(schema.properties ?? {}).filter(([, p]) => !p.description).map(([k]) => k);
    expect(undescribed).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.outDir).toMatchObject({ default: 'dist', type: 'string' });
  });
});

describe('"$schema" in site.config.json', () => {
  it('is accepted, so editors can check the file against the published schema', () => {
    const result = validateConfig(configText({ $schema: './node_modules/migrant-site/site.config.schema.json' }), 'site.config.json');
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.title).toBe('Migration News');
  });
});
