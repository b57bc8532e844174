// node --import ./bench/harness/cpu-clock.mjs bin/migrant-site.js build --verbose …
// Makes the stage times `--verbose` prints CPU milliseconds of the whole process (every
// thread), not wall milliseconds: on a shared machine a stage's wall time says more about
// the other jobs than about the code, its CPU time much less.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  performance.now = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}
