// npm run schema: writes site.config.schema.json from the compiled config schema.
import { writeFileSync } from 'node:fs';
import { toConfigJsonSchema } from '../lib/config/json-schema.js';

writeFileSync(new URL('../site.config.schema.json', import.meta.url), toConfigJsonSchema());
