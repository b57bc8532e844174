// `npm test`: the type check (src, tests, bench) runs beside vitest instead of
// before it: TypeScript 7's native tsc checks the project in about 5 CPU-seconds
// (TypeScript 5 took 24), so it costs little wall time; its report is printed
// after the tests'.
// lib/ (for the tests that run the CLI as a process) is compiled by the
// integration projects' global setup when any source is newer than it.
// Arguments go to vitest: `npm test -- --project unit`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const resolve = createRequire(import.meta.url).resolve;
// TypeScript 7 exports no path but its package.json: its launcher is found beside that.
const tsc = join(dirname(resolve('typescript/package.json')), 'bin', 'tsc');
const exited = (child) => new Promise((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));

// The check keeps tsc's incremental state (what it already checked, by file hash) under node_modules/.cache:
// a second run re-checks only what changed. It emits nothing.
const check = spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit', '--pretty', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/migrant-site/typecheck.tsbuildinfo'], { stdio: ['ignore', 'pipe', 'pipe'] });
let report = '';
check.stdout.on('data', (chunk) => (report += chunk));
check.stderr.on('data', (chunk) => (report += chunk));
// The tests make and delete tens of thousands of small files in temp folders (sites, outputs, their swaps).
// On a disk that cost a fifth of the integration tests' time, most of it in the kernel (this machine's ext4 is
// mounted with `discard`); a RAM-backed /dev/shm with room to spare takes them instead. TMPDIR, when set, wins.
function ramTemp() {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.bavail * fs.bsize >= 2 * 1024 ** 3 ? mkdtempSync('/dev/shm/migrant-site-tests-') : undefined;
  } catch {
    return undefined;
  }
}
const temp = process.env.TMPDIR ? undefined : ramTemp();
const args = process.argv.slice(2);
// A run of every project puts the unit files in the integration project's workers (see vitest.config.ts).
const whole = !args.some((a) => a === '--project' || a.startsWith('--project='));
const env = { ...process.env, ...(temp && { TMPDIR: temp }), ...(whole && { MIGRANT_SITE_TESTS: 'all' }) };
const tests = spawn(process.execPath, [join(dirname(resolve('vitest/package.json')), 'vitest.mjs'), 'run', ...args], { stdio: 'inherit', env });

const [checked, tested] = await Promise.all([exited(check), exited(tests)]);
if (temp) rmSync(temp, { recursive: true, force: true });
process.stdout.write(checked === 0 ? 'type check: no errors\n' : `type check failed:\n${report}`);
process.exitCode = tested || checked;
