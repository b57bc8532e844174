import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Tests that run the CLI as a separate process run the compiled lib/: compile
// it first when any source is newer, so no test ever exercises stale code; then,
// as `npm run build` does, the built-in theme, when lib/ or theme/ is newer than
// its compiled copy (a stale copy is never used, only slower: see src/pipeline/compiled-theme.ts).

const root = join(import.meta.dirname, '..', '..');

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...(readdirSync(dir, { recursive: true }) as string[]).map((f) => statSync(join(dir, f)).mtimeMs));
}

const node = (...args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

export default function setup(): void {
  const lib = join(root, 'lib');
  if (newest(join(root, 'src')) > newest(lib)) node(join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'));
  const compiledTheme = join(lib, 'built-in-theme.v8');
  const compiledAt = existsSync(compiledTheme) ? statSync(compiledTheme).mtimeMs : 0;
  if (compiledAt < newest(lib) || compiledAt < newest(join(root, 'theme'))) node(join(root, 'scripts', 'compile-theme.mjs'));
}
