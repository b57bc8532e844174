// Run by `npm run build` and `prepare` after tsc: compiles the built-in theme into lib/built-in-theme.v8,
// which builds load instead of compiling it (src/pipeline/compiled-theme.ts).
import { writeCompiledTheme } from '../lib/pipeline/compiled-theme.js';

writeCompiledTheme();
