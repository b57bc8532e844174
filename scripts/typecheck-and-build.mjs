// `npm test`'s first step: type-check everything (src, tests, bench) and
// compile src/ to lib/ at the same time. Each tsc run is single-threaded, so
// on a machine with two or more cores the two take the time of the longer one.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = (...args) =>
  new Promise((resolve) => {
    spawn(process.execPath, [tsc, ...args], { stdio: 'inherit' }).on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const codes = await Promise.all([run('-p', 'tsconfig.json', '--noEmit'), run('-p', 'tsconfig.build.json')]);
process.exitCode = codes.find((code) => code !== 0) ?? 0;
