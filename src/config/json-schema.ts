import { z } from 'zod';
import { configSchema } from './schema.js';

/**
 * The JSON schema of site.config.json, from the zod schema and its
 * descriptions, as committed in site.config.schema.json for editors
 * (`"$schema": "./node_modules/migrant-site/site.config.schema.json"`).
 * Draft 7, which editors support best; keys with defaults are optional.
 */
export function toConfigJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' });
  return `${JSON.stringify({ ...schema, title: 'migrant-site site.config.json' }, null, 2)}\n`;
}
