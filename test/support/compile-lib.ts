import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Tests that run the CLI as a separate process run the compiled lib/: compile
// it first when any source is newer, so no test ever exercises stale code.

const root = join(import.meta.dirname, '..', '..');

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...(readdirSync(dir, { recursive: true }) as string[]).map((f) => statSync(join(dir, f)).mtimeMs));
}

export default function setup(): void {
  if (newest(join(root, 'src')) <= newest(join(root, 'lib'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
