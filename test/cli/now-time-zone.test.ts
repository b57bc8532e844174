import { afterAll, describe, expect, it } from 'vitest';
import { article, createTempSite, runMain } from '../support/temp-site.js';

// Issue 11, item 2: `--now` without an offset was read in the machine's time
// zone, so under TZ=America/Los_Angeles an embargoed article was published
// eight hours early. It is read in the site's timeZone, like front matter.

const site = createTempSite(
  {
    'content/posts/embargoed.md': article({ title: 'Embargoed report', date: '2026-11-30T12:30', author: 'desk' }),
    'content/posts/published.md': article({ title: 'Published report', date: '2026-11-30T11:30', author: 'desk' }),
    'content/authors/desk.md': '---\nname: The desk\n---\n',
  },
  { config: { timeZone: 'Europe/Athens', search: { enabled: false } } },
);
afterAll(() => site.remove());

// The machine's zone is switched in-process: Node reads process.env.TZ again on each assignment.
const offsets: Record<string, number> = { UTC: 0, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840 };
const buildUnder = async (tz: string) => {
  const out = `dist-${tz.replace('/', '-')}`;
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    expect(new Date('2026-11-30T12:00:00Z').getTimezoneOffset(), `the process runs in ${tz}`).toBe(offsets[tz]);
    const { code } = await runMain(site.root, ['build', '--now', '2026-11-30T12:00', '--workers', '0', '--no-cache', '--out', out, '-q']);
    expect(code).toBe(0);
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
  return out;
};

describe('--now without an offset', () => {
  it('is read in the site time zone, with the same output under any TZ', async () => {
    const outputs = [];
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) outputs.push(await buildUnder(tz));
    const files = site.list(outputs[0]);
    expect(files).toContain('2026/11/published/index.html');
    expect(files.some((f) => f.includes('embargoed'))).toBe(false);
    for (const out of outputs.slice(1)) {
      expect(site.list(out), out).toEqual(files);
      for (const file of files) expect(site.read(`${out}/${file}`), `${out}/${file}`).toBe(site.read(`${outputs[0]}/${file}`));
    }
  }, 120_000);
});
