import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

// Row 10 of RELIABILITY.md: a date means the same instant whatever TZ the process runs under. The process's TZ
// must be set before anything loads, so the compiled module (lib/, brought up to date by the integration
// project's global setup) runs in a process of its own under each TZ.
const parseDateModule = pathToFileURL(join(import.meta.dirname, '..', '..', 'lib', 'content', 'parse-date.js')).href;

it('does not depend on the TZ of the process (row 10)', () => {
  const script = `import { parseDate } from ${JSON.stringify(parseDateModule)};
const values = ['2024-11-06', '2024-11-06 09:30', '2024-03-31 01:30', '2024-10-27 01:30', '2024-11-06T09:30+01:00'];
console.log(JSON.stringify(values.map((v) => parseDate(v, 'Europe/London').toISOString())));`;
  const runUnder = (tz: string) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }));
  const expected = ['2024-11-06T00:00:00.000Z', '2024-11-06T09:30:00.000Z', '2024-03-31T01:30:00.000Z', '2024-10-27T00:30:00.000Z', '2024-11-06T08:30:00.000Z'];
  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) expect(runUnder(tz), tz).toEqual(expected);
});
