import { afterEach, describe, expect, it } from 'vitest';
import { serveSite, type RunningServer } from '../../src/dev/serve-site.js';
import { silentLogger } from '../../src/log.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// Dev-server rule 12: drafts and future articles show in `serve` only with
// --drafts / --future, and then carry a visible badge on their page and cards.

const draftBadge = '<span class="badge badge--draft">Draft</span>';
const scheduledBadge = '<span class="badge badge--scheduled">Scheduled: not yet published</span>';

let site: TempSite | undefined;
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  site?.remove();
  running = site = undefined;
});

async function serve(flags: { drafts?: boolean; future?: boolean }): Promise<(path: string) => Promise<{ status: number; body: string }>> {
  site = createTempSite(
    {
      'content/posts/published.md': article({ title: 'Ferry strike ends', date: '2024-11-05T09:00:00', slug: 'published' }),
      'content/posts/unfinished.md': article({ title: 'Unfinished border report', date: '2024-11-04T09:00:00', slug: 'unfinished', draft: true }),
      'content/posts/embargoed.md': article({ title: 'Embargoed asylum figures', date: '2024-11-20T09:00:00', slug: 'embargoed' }),
    },
    { config: { search: { enabled: false } } },
  );
  running = await serveSite({ configPath: `${site.root}/site.config.json`, now: '2024-11-10T12:00:00', ...flags, logger: silentLogger, port: 0, host: '127.0.0.1', watch: false, workers: 0, cache: false, report: () => undefined });
  expect(running).toBeDefined();
  const base = running!.url;
  return async (path) => {
    const response = await fetch(new URL(path, base));
    return { status: response.status, body: await response.text() };
  };
}

describe('dev-server rule 12: drafts and scheduled articles in serve', () => {
  it('are not served without the flags, and the published article carries no badge', async () => {
    const get = await serve({});
    expect((await get('2024/11/unfinished/')).status).toBe(404);
    expect((await get('2024/11/embargoed/')).status).toBe(404);
    const published = await get('2024/11/published/');
    expect(published.status).toBe(200);
    const home = (await get('')).body;
    for (const page of [published.body, home]) {
      expect(page).not.toContain('badge--draft');
      expect(page).not.toContain('badge--scheduled');
    }
    expect(home).not.toContain('Unfinished border report');
    expect(home).not.toContain('Embargoed asylum figures');
  });

  it('with --drafts serves the draft marked "Draft" (page and home card), still not the scheduled one', async () => {
    const get = await serve({ drafts: true });
    const draft = await get('2024/11/unfinished/');
    expect(draft.status).toBe(200);
    expect(draft.body).toContain(draftBadge);
    expect((await get('2024/11/embargoed/')).status).toBe(404);
    const home = (await get('')).body;
    expect(home).toContain('Unfinished border report');
    expect(home).toContain(draftBadge);
    expect(home).not.toContain('badge--scheduled');
    expect((await get('2024/11/published/')).body).not.toContain('badge--draft');
  });

  it('with --future serves the embargoed article marked "Scheduled", still not the draft', async () => {
    const get = await serve({ future: true });
    const scheduled = await get('2024/11/embargoed/');
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toContain(scheduledBadge);
    expect((await get('2024/11/unfinished/')).status).toBe(404);
    const home = (await get('')).body;
    expect(home).toContain('Embargoed asylum figures');
    expect(home).toContain(scheduledBadge);
    expect(home).not.toContain('badge--draft');
    expect((await get('2024/11/published/')).body).not.toContain('badge--scheduled');
  });
});
