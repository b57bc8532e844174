// Runs one build as a child process and measures it from outside: whole-process wall time
// (node or Go start-up included, as a user would see it) and peak resident memory.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg, totalmem, tmpdir } from 'node:os';

// GNU time reports the child's peak RSS (ru_maxrss) without touching the child's code.
const gnuTime = '/usr/bin/time';
export const canMeasureRss = existsSync(gnuTime);
export const rssHint = 'peak RSS needs GNU time: apt-get install -y time';

/** Resolves to { wallMs, rssMiB, stdout, stderr }; rejects when the command fails. */
export function measure(command, args, { cwd }) {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const [cmd, argv] = canMeasureRss ? [gnuTime, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      const rssMiB = readRss(rssFile);
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code} in ${cwd}\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMs, rssMiB, stdout, stderr });
    });
  });
}

function readRss(file) {
  if (!existsSync(file)) return NaN;
  // The last line is the figure; GNU time puts "Command exited with non-zero status" above it.
  const kb = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
  rmSync(file, { force: true });
  return kb / 1024;
}

export function countHtmlFiles(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}

export function machineInfo() {
  return {
    cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    code: gitState(),
    // Other work on a shared machine slows builds; a load above the core count means it did.
    'load average at start (1, 5, 15 min)': loadAverage(),
  };
}

// Which migrant-site was measured: the commit, and whether the working tree differed from it.
function gitState() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: new URL('../../', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'theme') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in src/ or theme/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(', ');

/** Prints the machine as it was at the start (`machineInfo()` then) and the load at the end. */
export function printMachine(atStart) {
  for (const [k, v] of Object.entries({ ...atStart, 'load average at end': loadAverage() })) console.log(`- ${k}: ${v}`);
  if (!canMeasureRss) console.log(`- ${rssHint}`);
}
