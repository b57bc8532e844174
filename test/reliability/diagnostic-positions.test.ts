import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { createTempSite, type TempSite } from '../support/temp-site.js';

// Issue 11, item 14: a diagnostic names `file:line:col` wherever the position
// is known. Here: output-path claims made by front matter (aliases), which
// used to name only the file: aliases and the slug or permalink of an
// article or page.

let site: TempSite | undefined;
afterEach(() => site?.remove());

async function errorsOf(files: Record<string, string>): Promise<Diagnostic[]> {
  site = createTempSite(files, { config: { search: { enabled: false } } });
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  const result = await createSiteBuilder({ root: site.root, config, now: new Date('2024-11-10T12:00:00Z'), logger: silentLogger }).build();
  return result.diagnostics.filter((d) => d.severity === 'error');
}

describe('issue 11 item 14: positions of output-path claims', () => {
  it('an alias that collides with a generated file points at the aliases line', async () => {
    const errors = await errorsOf({
      'content/posts/a.md': '---\ntitle: Ferry strike ends\ndate: 2024-11-05\ntags: [ports]\naliases:\n  - /feed.xml\n---\n\nText.\n',
    });
    expect(errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([{ code: 'MS302', file: 'content/posts/a.md', line: 5, column: 1 }]);
    expect(errors[0].message).toContain('alias of content/posts/a.md');
  });

  it('a Jekyll redirect_from that collides with another article points at its line', async () => {
    const errors = await errorsOf({
      // a.md's address comes from its file name, so the only line that made the claim is b.md's redirect_from.
      'content/posts/a.md': '---\ntitle: Ferry strike ends\ndate: 2024-11-05\n---\n\nText.\n',
      'content/posts/b.md': '---\ntitle: Port reopens\ndate: 2024-11-06\nslug: port-reopens\nredirect_from: [/2024/11/a/]\n---\n\nText.\n',
    });
    expect(errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([{ code: 'MS302', file: 'content/posts/b.md', line: 5, column: 1 }]);
  });

  it('a page whose slug collides with a generated file points at its slug line', async () => {
    const errors = await errorsOf({
      'content/posts/a.md': '---\ntitle: Ferry strike ends\ndate: 2024-11-05\n---\n\nText.\n',
      'content/pages/feed.md': '---\ntitle: Our feeds\nslug: feed.xml\n---\n\nText.\n',
    });
    expect(errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([{ code: 'MS302', file: 'content/pages/feed.md', line: 3, column: 1 }]);
    expect(errors[0].message).toContain('feed.xml would be both a file and a folder');
  });

  it('two articles with one permalink: the error points at the permalink line', async () => {
    const errors = await errorsOf({
      'content/posts/a.md': '---\ntitle: Ferry strike ends\ndate: 2024-11-05\n---\n\nText.\n',
      'content/posts/b.md': '---\ntitle: Port reopens\ndate: 2024-11-06\ntags: [ports]\npermalink: /2024/11/a/\n---\n\nText.\n',
    });
    expect(errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([{ code: 'MS302', file: 'content/posts/b.md', line: 5, column: 1 }]);
  });
});
