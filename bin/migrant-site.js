#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from '../lib/cli/main.js';

// V8 lets a heap grow to up to 4× what survived its last full collection
// before collecting again. A build's garbage is made while its live set (the
// parsed site) is large, so that slack, in every thread, was most of its peak
// memory; 30 % growth keeps peak RSS near what is live (bench/RESULTS.md,
// "Peak memory of a cold build"). V8 flags are process-wide, so the worker
// threads started later follow it; `node --heap-growing-percent=N
// bin/migrant-site.js` wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=30');

process.exitCode = await main(process.argv);
